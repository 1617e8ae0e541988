"""Insights' read model follows every billing event that changes what is owed: after a refund, a credit note, a
payment on account, credit applied and a void, the figures insights reasons from agree with billing's own."""
import json

import pytest
from sqlalchemy import create_engine, text

from fieldwork_contracts.checking import contracts_dir
from polling import eventually

pytestmark = pytest.mark.system


# Billing events that move no money, so insights has nothing to learn from them. A new billing event must be
# either played in the scenario below or named here, with its reason.
NOTHING_OWED = {"pricing_table.requested": "a mailing of prices; nothing is billed or paid"}


def _billing_event_types() -> set[str]:
    return {path.parent.name for path in contracts_dir().glob("*/v1.schema.json")
            if json.loads(path.read_text()).get("x-producer") == "billing"} - NOTHING_OWED.keys()


def _rows(system, service: str, sql: str, **params) -> list:
    engine = create_engine(system.process(service, "web").env[f"FIELDWORK_{service.upper()}_DATABASE_URL"])
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params))
    finally:
        engine.dispose()


def test_insights_owes_what_billing_says_after_every_billing_event(api, system, account_id):
    customer = api.post("/customers", expect=201, json={"display_name": "Owes Money"}).json()
    customer_id = customer["id"]

    def invoice(cents):
        made = api.post("/invoices", expect=201, json={
            "customer_id": customer_id, "issue_date": "2026-09-01", "due_date": "2026-09-15",
            "lines": [{"description": "Work", "unit_price_cents": cents}]}).json()
        return api.post(f"/invoices/{made['id']}/send", expect=200, json={}).json()

    refunded, credited, on_account, voided = invoice(30000), invoice(20000), invoice(10000), invoice(4000)
    payment = api.post("/payments", expect=201, json={
        "customer_id": customer_id, "amount_cents": 30000, "method": "card",
        "allocations": [{"invoice_id": refunded["id"], "amount_cents": 30000}]}).json()
    api.post("/refunds", expect=201, json={"payment_id": payment["id"], "invoice_id": refunded["id"],
                                           "amount_cents": 30000, "destination": "customer"})  # owes 300.00 again
    api.post("/credit-notes", expect=201, json={"customer_id": customer_id, "invoice_id": credited["id"],
                                                "amount_cents": 5000, "reason": "Goodwill"})
    api.post("/payments", expect=201, json={"customer_id": customer_id, "amount_cents": 8000, "method": "cash",
                                            "allocations": []})
    api.post(f"/invoices/{on_account['id']}/apply-credit", expect=200, json={})
    api.post(f"/invoices/{voided['id']}/void", expect=200, json={})
    api.post(f"/customers/{customer_id}/statements", expect=202, json={"email": "ap@example.com"})

    produced = _rows(system, "billing", "SELECT event_id, event_type FROM outbox WHERE account_id = :a", a=account_id)
    assert {row.event_type for row in produced} == _billing_event_types()  # every kind billing publishes
    produced_ids = {row.event_id for row in produced}

    def applied_by_insights():
        applied = {row.event_id for row in _rows(system, "insights", "SELECT event_id FROM inbox")}
        return produced_ids <= applied

    eventually(applied_by_insights, seconds=30)
    summary = api.get(f"/customers/{customer_id}/billing-summary", expect=200).json()
    facts = api.get(f"/customers/{customer_id}/insights", expect=200, params={"ai": "cached"}).json()["facts"]
    assert summary["overdue_cents"] == 30000 + 15000 + 2000
    assert facts["overdue"]["total_cents"] == summary["overdue_cents"]
    assert facts["overdue"]["invoices"] == summary["open_invoice_count"] == 3
    assert facts["overdue"]["oldest"][0]["due"] == summary["oldest_overdue_due_date"]
