"""Faults mid-flow: the broker drops every connection and a consumer and a web process die; once they
are back nothing is lost and nothing is applied twice, and meanwhile the workspace still answers."""
from __future__ import annotations

import datetime as dt
import subprocess

from polling import eventually

TODAY = dt.date.today()
INVOICES = 5
CALLS = 3


def test_nothing_lost_or_doubled_across_broker_and_process_faults(api, system):
    customer = api.post("/customers", expect=201, json={
        "display_name": "Morgan Reyes", "contacts": [{"name": "Morgan Reyes", "emails": ["morgan@example.com"],
                                                      "is_primary": True}]}).json()
    cid = customer["id"]
    insights_consumer = system.process("insights", "consumer")
    customers_consumer = system.process("customers", "consumer")
    comms_web = system.process("comms", "web")

    insights_consumer.kill()
    customers_consumer.kill()
    subprocess.run(["rabbitmqctl", "close_all_connections", "e2e fault test"], check=True, capture_output=True,
                   timeout=60)
    try:
        for n in range(INVOICES):
            invoice = api.post("/invoices", expect=201, json={
                "customer_id": cid, "issue_date": str(TODAY - dt.timedelta(days=60)),
                "due_date": str(TODAY - dt.timedelta(days=30)),
                "lines": [{"description": f"Visit {n}", "quantity": "1", "unit_price_cents": 10000}]}).json()
            api.post(f"/invoices/{invoice['id']}/send", expect=200)
        for _ in range(CALLS):
            api.post("/communications", expect=201, json={
                "customer_id": cid, "channel": "call", "direction": "inbound", "duration_seconds": 120})

        # A dead web process degrades its section only.
        comms_web.kill()
        ws = api.get(f"/customers/{cid}/workspace", expect=200).json()
        assert ws["communications"]["status"] == "unavailable"
        assert ws["profile"]["status"] == "ok" and ws["invoices"]["status"] == "ok"
    finally:
        comms_web.start()
        insights_consumer.start()
        customers_consumer.start()
    comms_web.wait_healthy(60)

    def settled():
        ws = api.get(f"/customers/{cid}/workspace", expect=200).json()
        cards = {c["kind"]: c for c in ws["insights"]["data"]["cards"]} if ws["insights"]["status"] == "ok" else {}
        card = cards.get("overdue_statement")
        return (card and ws["header"]["last_contacted_at"] and ws["communications"]["status"] == "ok") and (ws, card)

    ws, card = eventually(settled, seconds=60)
    # Every invoice counted once, every call once: totals are exact, not merely present.
    assert f"on {INVOICES} invoices" in card["reason"]
    assert "USD 500.00 overdue" in card["reason"]
    assert ws["header"]["total_billed_cents"] == INVOICES * 10000
    assert ws["header"]["open_invoice_count"] == INVOICES
    calls = [c for c in ws["communications"]["data"]["items"] if c["channel"] == "call"]
    assert len(calls) == CALLS
