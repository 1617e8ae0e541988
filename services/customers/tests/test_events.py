"""Consumed events: last contacted from communication.logged, and the status that follows the work."""
import copy
import datetime as dt
import uuid

import pytest

from fieldwork_contracts.checking import examples, validate_event


def example(event_type: str, label: str = "") -> dict:
    name = f"v1{'.' + label if label else ''}.example.json"
    return next(copy.deepcopy(e) for path, e in examples() if path.parent.name == event_type and path.name == name)


def envelope(event_type: str, account_id, customer_id, *, label: str = "", at: str | None = None, **data) -> dict:
    event = example(event_type, label)
    event.update(id=str(uuid.uuid4()), account_id=str(account_id))
    body = event["data"].get("communication") or event["data"].get("job") or event["data"]
    body["customer_id"] = customer_id
    body.update(data)
    if at:
        event["occurred_at"] = at
        for key in ("occurred_at", "changed_at"):
            if key in body:
                body[key] = at
    validate_event(event)
    return event


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


@pytest.fixture
def customer(create):
    return create()


def profile(client, auth, customer):
    return client.get(f"/customers/{customer['id']}", headers=auth).json


def test_communication_logged_sets_last_contacted_once(app, client, auth, deliver, account_id, customer):
    event = envelope("communication.logged", account_id, customer["id"])
    assert deliver(app, event) is True
    assert profile(client, auth, customer)["last_contacted_at"].startswith("2026-11-02T14:03:06")
    assert deliver(app, event) is False
    older = envelope("communication.logged", account_id, customer["id"], at="2026-10-01T09:00:00Z")
    deliver(app, older)
    assert profile(client, auth, customer)["last_contacted_at"].startswith("2026-11-02T14:03:06")


def test_a_failed_contact_or_another_account_changes_nothing(app, client, auth, deliver, account_id, customer):
    deliver(app, envelope("communication.logged", account_id, customer["id"], status="failed"))
    deliver(app, envelope("communication.logged", uuid.uuid4(), customer["id"]))
    assert profile(client, auth, customer)["last_contacted_at"] is None


def test_an_estimate_sent_makes_a_lead_quoted_automatically(app, client, auth, deliver, account_id, customer, emitted):
    deliver(app, envelope("estimate.status_changed", account_id, customer["id"]))
    assert profile(client, auth, customer)["status"] == "quoted"
    history = client.get(f"/customers/{customer['id']}/status", headers=auth).json["items"][0]
    assert (history["from"], history["to"], history["automatic"], history["changed_by"], history["cause"]) == \
        ("lead", "quoted", True, None, "estimate E-1007 sent")
    event = emitted(app, account_id, "customer.status_changed")[0]["data"]
    assert (event["from"], event["to"], event["automatic"], event["changed_by"]) == ("lead", "quoted", True, None)
    assert emitted(app, account_id, "customer.updated")[-1]["data"]["changed"] == ["status"]


@pytest.mark.parametrize("event_type,label,to", [("job.status_changed", "", "completed"),
                                                 ("job.status_changed", "", "scheduled"),
                                                 ("job.created", "", None)])
def test_a_job_scheduled_or_completed_makes_the_customer_active(app, client, auth, deliver, account_id, customer,
                                                                event_type, label, to):
    extra = {"to": to} if to else {}
    deliver(app, envelope(event_type, account_id, customer["id"], label=label, **extra))
    assert profile(client, auth, customer)["status"] == "active"


def test_work_never_moves_a_customer_backwards(app, client, auth, deliver, account_id, customer, emitted):
    deliver(app, envelope("job.status_changed", account_id, customer["id"]))
    deliver(app, envelope("estimate.status_changed", account_id, customer["id"]))
    assert profile(client, auth, customer)["status"] == "active"
    assert len(emitted(app, account_id, "customer.status_changed")) == 1


def test_a_status_set_by_hand_is_kept_against_older_work(app, client, auth, deliver, account_id, customer):
    client.post(f"/customers/{customer['id']}/status", json={"to": "inactive"}, headers=auth)
    deliver(app, envelope("job.status_changed", account_id, customer["id"], at=iso(dt.datetime.now(dt.timezone.utc))))
    assert profile(client, auth, customer)["status"] == "inactive"

    client.post(f"/customers/{customer['id']}/status", json={"to": "lead"}, headers=auth)
    earlier = iso(dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1))
    deliver(app, envelope("estimate.status_changed", account_id, customer["id"], at=earlier))
    assert profile(client, auth, customer)["status"] == "lead"

    later = iso(dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1))
    deliver(app, envelope("estimate.status_changed", account_id, customer["id"], at=later))
    assert profile(client, auth, customer)["status"] == "quoted"
    history = client.get(f"/customers/{customer['id']}/status", headers=auth).json["items"]
    assert [(h["to"], h["automatic"]) for h in history] == [("quoted", True), ("lead", False), ("inactive", False),
                                                            ("lead", False)]


def test_work_on_a_merged_duplicate_moves_the_target(app, client, auth, deliver, account_id, create):
    target, duplicate = create("T"), create("D")
    client.post(f"/customers/{target['id']}/merge", json={"duplicate_id": duplicate["id"]}, headers=auth)
    deliver(app, envelope("estimate.status_changed", account_id, duplicate["id"]))
    assert profile(client, auth, target)["status"] == "quoted"


def test_events_this_service_consumes_all_have_contracts():
    from fieldwork_contracts.checking import known_types
    from customers.entrypoints.events import handlers
    assert handlers.keys <= known_types()
    assert handlers.types == {"communication.logged", "estimate.status_changed", "job.status_changed", "job.created",
                              "invoice.created", "payment.recorded", "plan.created", "plan.status_changed"}
