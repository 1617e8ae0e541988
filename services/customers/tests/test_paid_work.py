"""Paid work makes a customer active: an invoice or a payment recorded moves a lead on, like a scheduled job."""
import copy
import uuid

import pytest

from fieldwork_contracts.checking import examples, validate_event


def _event(event_type: str, account_id, customer_id, version: int = 1) -> dict:
    event = next(copy.deepcopy(e) for path, e in examples()
                 if path.parent.name == event_type and path.name == f"v{version}.example.json")
    event.update(id=str(uuid.uuid4()), account_id=str(account_id))
    (event["data"].get("invoice") or event["data"])["customer_id"] = customer_id
    validate_event(event)
    return event


@pytest.mark.parametrize("event_type, version, cause", [("invoice.created", 1, "invoice INV-1033 recorded"),
                                                        ("payment.recorded", 2, "payment recorded")])
def test_paid_work_makes_a_lead_active(app, client, auth, deliver, account_id, create, event_type, version, cause):
    customer = create()
    assert deliver(app, _event(event_type, account_id, customer["id"], version))
    assert client.get(f"/customers/{customer['id']}", headers=auth).json["status"] == "active"
    change = client.get(f"/customers/{customer['id']}/status", headers=auth).json["items"][0]
    assert (change["from"], change["to"], change["automatic"], change["cause"]) == ("lead", "active", True, cause)


def test_paid_work_for_another_account_changes_nothing(app, client, auth, deliver, create):
    customer = create()
    deliver(app, _event("invoice.created", uuid.uuid4(), customer["id"]))
    assert client.get(f"/customers/{customer['id']}", headers=auth).json["status"] == "lead"
