"""The read model follows every billing event that changes what is owed: billing's own events, replayed, agree."""
from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from billing.bootstrap import SPEC as BILLING
from chassis.contracts import contracts_dir, example
from chassis.customer_directory import CustomersApi
from chassis.references import RecordsApi
from insights.adapters.read_model import load_facts

NOWHERE = "http://127.0.0.1:9"  # billing hears of the customer by event; it never needs to ask


@pytest.fixture(scope="module")
def billing(make_app):
    return make_app(BILLING, adapters={"customers_api": CustomersApi(NOWHERE),
                                       "jobs_api": RecordsApi("jobs", "/jobs/{id}", base_url=NOWHERE)})


def _billing_event_types() -> set[str]:
    return {path.parent.name for path in contracts_dir().glob("*/v1.schema.json")
            if json.loads(path.read_text()).get("x-producer") == "billing"}


def test_every_billing_event_replayed_leaves_insights_owing_what_billing_says(app, billing, deliver, emitted,
                                                                              account_id, make_token):
    customer_id = uuid.uuid4()
    created = example("customer.created")
    created.update(id=str(uuid.uuid4()), account_id=str(account_id))
    created["data"]["customer"].update(id=str(customer_id), display_name="Owes Money")
    assert deliver(billing, created)
    client = billing.test_client()
    auth = {"Authorization": f"Bearer {make_token(account_id)}"}

    def call(method, path, body=None, expect=(200, 201, 202)):
        response = getattr(client, method)(path, json=body if body is not None else {}, headers=auth)
        assert response.status_code in expect, (path, response.get_json())
        return response.get_json()

    def invoice(cents, due="2026-09-15"):
        made = call("post", "/invoices", {"customer_id": str(customer_id), "issue_date": "2026-09-01", "due_date": due,
                                          "lines": [{"description": "Work", "unit_price_cents": cents}]})
        return call("post", f"/invoices/{made['id']}/send")

    refunded, credited, on_account, voided = invoice(30000), invoice(20000), invoice(10000), invoice(4000)
    payment = call("post", "/payments", {"customer_id": str(customer_id), "amount_cents": 30000, "method": "card",
                                         "allocations": [{"invoice_id": refunded["id"], "amount_cents": 30000}]})
    call("post", "/refunds", {"payment_id": payment["id"], "invoice_id": refunded["id"], "amount_cents": 30000,
                              "destination": "customer"})  # paid, then refunded: it owes 300.00 again
    call("post", "/credit-notes", {"customer_id": str(customer_id), "invoice_id": credited["id"],
                                   "amount_cents": 5000, "reason": "Goodwill"})
    call("post", "/payments", {"customer_id": str(customer_id), "amount_cents": 8000, "method": "cash",
                               "allocations": []})
    call("post", f"/invoices/{on_account['id']}/apply-credit")
    call("post", f"/invoices/{voided['id']}/void")
    call("post", f"/customers/{customer_id}/statements", {"email": "ap@example.com"})

    events = emitted(billing, account_id)
    assert {event["type"] for event in events} == _billing_event_types()  # every kind billing publishes
    assert deliver(app, created)
    for event in events:
        assert deliver(app, event), event["type"]

    summary = call("get", f"/customers/{customer_id}/billing-summary")
    now = dt.datetime.now(dt.timezone.utc)
    with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        facts = load_facts(session, customer_id, now)
    assert summary["overdue_cents"] == 30000 + 15000 + 2000
    assert facts.overdue.total_cents == summary["overdue_cents"]
    assert facts.overdue.count == facts.open_invoice_count == summary["open_invoice_count"] == 3
    assert facts.overdue.oldest_due_date.isoformat() == summary["oldest_overdue_due_date"]
