"""A customer's life from lead to paid, then merged with a duplicate — driven only through the gateway,
and read back from the workspace, including what only events carry (status, last contacted, insights)."""
from __future__ import annotations

import datetime as dt
import email
from email import policy

from polling import eventually

TODAY = dt.date.today()


def _workspace(api, customer_id):
    return api.get(f"/customers/{customer_id}/workspace", expect=200).json()


def _create_lead(api, name, email_address, phone):
    return api.post("/customers", expect=201, json={
        "display_name": name, "kind": "residential", "status": "lead", "lead_source": "Google",
        "preferred_channel": "sms",
        "contacts": [{"name": name, "emails": [email_address], "phones": [{"number": phone, "label": "mobile"}],
                      "is_primary": True}],
    }).json()


def test_lead_to_paid_then_merged(api, system):
    customer = _create_lead(api, "Dana Whitfield", "dana@example.com", "(555) 010-2233")
    cid = customer["id"]
    assert customer["status"] == "lead" and customer["number"].startswith("C-")

    prop = api.post(f"/customers/{cid}/properties", expect=201, json={
        "line1": "12 Birch Lane", "city": "Springfield", "region": "IL", "postal_code": "62701", "country": "US",
        "kind": "residential", "access_notes": "Gate code 4412; friendly dog", "is_primary": True}).json()
    api.post(f"/customers/{cid}/properties/{prop['id']}/equipment", expect=201, json={
        "kind": "furnace", "make": "Carrier", "model": "59SC5", "serial": "F123", "installed_on": "2019-10-01"})
    address = "12 Birch Lane, Springfield, IL 62701"

    # Estimate sent → the customer becomes "quoted" by itself; approved → a job linked both ways.
    estimate = api.post("/estimates", expect=201, json={
        "customer_id": cid, "property_id": prop["id"], "property_address": address, "title": "Furnace tune-up",
        "line_items": [{"description": "Tune-up", "quantity": 1, "unit_price_cents": 18900}]}).json()
    api.post(f"/estimates/{estimate['id']}/status", expect=200, json={"to": "sent"})
    eventually(lambda: api.get(f"/customers/{cid}", expect=200).json()["status"] == "quoted")
    approved = api.post(f"/estimates/{estimate['id']}/approve", expect=200, json={"create_job": True}).json()
    job_id = approved["job_id"]
    assert api.get(f"/jobs/{job_id}", expect=200).json()["estimate_id"] == estimate["id"]

    start = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=3)).replace(microsecond=0)
    api.patch(f"/jobs/{job_id}", expect=200, json={"scheduled_start": start.isoformat(),
                                                      "scheduled_end": (start + dt.timedelta(hours=1)).isoformat()})
    for to in ("scheduled", "in_progress", "completed"):
        api.post(f"/jobs/{job_id}/status", expect=200, json={"to": to})
    eventually(lambda: api.get(f"/customers/{cid}", expect=200).json()["status"] == "active")

    # Invoiced (already past due), partly paid.
    invoice = api.post("/invoices", expect=201, json={
        "customer_id": cid, "job_id": job_id, "issue_date": str(TODAY - dt.timedelta(days=65)),
        "due_date": str(TODAY - dt.timedelta(days=35)),
        "lines": [{"description": "Furnace tune-up", "quantity": "1", "unit_price_cents": 18900}]}).json()
    api.post(f"/invoices/{invoice['id']}/send", expect=200)
    api.post("/payments", expect=201, json={"customer_id": cid, "amount_cents": 5000, "method": "card",
                                            "allocations": [{"invoice_id": invoice["id"], "amount_cents": 5000}]})

    # Texted and noted.
    api.post("/messages", expect=202, json={"customer_id": cid, "channel": "sms",
                                            "body": "Your furnace is all set. Thanks!"})
    api.post(f"/customers/{cid}/notes", expect=201, json={"body": "Prefers **morning** visits.", "pinned": True})

    # Insights learn the balance from billing's events, and the overdue card says it in numbers.
    # The card may show first with the invoice alone (invoice.sent can be applied before payment.recorded): wait
    # for the figure after the payment, which must come.
    def overdue_card():
        section = _workspace(api, cid)["insights"]
        cards = [c for c in section["data"]["cards"] if c["kind"] == "overdue_statement"] if section["status"] == "ok" else []
        return cards and "USD 139.00" in cards[0]["reason"] and cards[0]
    card = eventually(overdue_card, seconds=30)
    assert invoice["number"] in card["reason"]

    # The statement is emailed by comms with billing's PDF attached.
    api.post(f"/customers/{cid}/statements", expect=202, json={})
    def statement_mail():
        for message in system.smtp.messages:
            parsed = email.message_from_bytes(message["data"], policy=policy.default)
            # The invoice sent above is mailed with its PDF too: the statement is the one its subject names.
            if "dana@example.com" in message["to"] and parsed["Subject"].startswith("Your account statement") and any(
                    part.get_content_type() == "application/pdf" for part in parsed.iter_attachments()):
                return parsed
    eventually(statement_mail, seconds=30)
    eventually(lambda: any(sms.get("Body") == "Your furnace is all set. Thanks!" and sms.get("To") == "+15550102233"
                           for sms in system.sms.sent))

    ws = eventually(lambda: (w := _workspace(api, cid))["header"]["last_contacted_at"] and w)
    header = ws["header"]
    assert header["status"] == "ok"
    assert (header["total_billed_cents"], header["total_paid_cents"], header["balance_cents"]) == (18900, 5000, 13900)
    assert header["open_invoice_count"] == 1 and header["open_job_count"] == 0
    assert ws["profile"]["data"]["status"] == "active"
    assert ws["profile"]["data"]["properties"][0]["equipment"][0]["make"] == "Carrier"
    assert [n["body"] for n in ws["pinned_notes"]["items"]] == ["Prefers **morning** visits."]
    assert [j["id"] for j in ws["jobs"]["data"]["items"]] == [job_id]
    assert ws["estimates"]["data"]["items"][0]["status"] == "approved"
    assert ws["invoices"]["data"]["items"][0]["balance_cents"] == 13900
    assert {c["channel"] for c in ws["communications"]["data"]["items"]} >= {"sms"}
    assert [i["id"] for i in ws["recent_activity"]["data"]["completed_recently"]] == [job_id]
    kinds = {item["kind"] for item in ws["timeline"]["items"]}
    assert {"job", "estimate", "invoice", "payment", "communication", "note"} <= kinds
    assert all(ws[s]["status"] == "ok" for s in ("jobs", "estimates", "plans", "invoices", "communications",
                                                 "recent_activity", "insights", "timeline"))

    # A duplicate with its own history is merged in: everything moves, and the old id says where it went.
    duplicate = _create_lead(api, "Dana Whitfield", "dana.w@example.com", "555-010-9999")
    did = duplicate["id"]
    dup_invoice = api.post("/invoices", expect=201, json={
        "customer_id": did, "lines": [{"description": "Service call", "quantity": "1", "unit_price_cents": 9900}]}).json()
    api.post(f"/invoices/{dup_invoice['id']}/send", expect=200)
    api.post("/messages", expect=202, json={"customer_id": did, "channel": "email", "subject": "Hello",
                                            "body": "Checking in."})
    eventually(lambda: _workspace(api, did)["communications"]["data"]["items"])
    api.post(f"/customers/{cid}/merge", expect=201, json={"duplicate_id": did})

    assert _workspace(api, did)["merged_into"] == cid
    def merged_everywhere():
        w = _workspace(api, cid)
        assert {i["id"] for i in w["invoices"]["data"]["items"]} == {invoice["id"], dup_invoice["id"]}
        assert "email" in [c["channel"] for c in w["communications"]["data"]["items"]]
        assert w["header"]["total_billed_cents"] == 18900 + 9900, w["header"]
        return w
    merged = eventually(merged_everywhere, seconds=30)
    contacts = {e for c in merged["profile"]["data"]["contacts"] for e in c["emails"]}
    assert contacts == {"dana@example.com", "dana.w@example.com"}
