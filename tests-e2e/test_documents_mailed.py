"""Documents go out as mail through comms' one sender, the whole system running: an estimate sent arrives with its
PDF and approve and decline links, an invoice sent with its PDF, a statement with its PDF."""
import datetime as dt
import email
import uuid
from email import policy

import pytest

from polling import eventually

pytestmark = pytest.mark.system


def _mail_to(system, address, subject_starts):
    for message in system.smtp.messages:
        parsed = email.message_from_bytes(message["data"], policy=policy.default)
        if address in message["to"] and str(parsed["Subject"]).startswith(subject_starts):
            return parsed
    return None


def _pdf(parsed):
    [attachment] = [part for part in parsed.iter_attachments() if part.get_content_type() == "application/pdf"]
    return attachment.get_filename(), attachment.get_content()


def test_an_estimate_an_invoice_and_a_statement_each_arrive_as_mail(api, system):
    address = f"quinn.{uuid.uuid4().hex[:8]}@example.com"
    customer = api.post("/customers", expect=201, json={
        "display_name": "Quinn Park", "contacts": [{"name": "Quinn Park", "emails": [address], "is_primary": True}],
        "properties": [{"line1": "3 Elm St", "city": "Austin", "region": "TX", "postal_code": "78701",
                        "country": "US", "is_primary": True}]}).json()
    cid = customer["id"]
    eventually(lambda: api.get(f"/customers/{cid}/communications", expect=200))  # comms knows the customer

    estimate = api.post("/estimates", expect=201, json={
        "customer_id": cid, "title": "New water heater",
        "line_items": [{"description": "Water heater", "quantity": 1, "unit_price_cents": 120000}]}).json()
    api.post(f"/estimates/{estimate['id']}/status", expect=200, json={"to": "sent"})
    mailed = eventually(lambda: _mail_to(system, address, f"Estimate {estimate['number']}"), seconds=30)
    body = mailed.get_body().get_content()
    assert f"/portal/estimates/{estimate['id']}?decision=approve" in body
    assert f"/portal/estimates/{estimate['id']}?decision=decline" in body
    filename, content = _pdf(mailed)
    assert filename == f"{estimate['number']}.pdf" and content.startswith(b"%PDF")

    invoice = api.post("/invoices", expect=201, json={
        "customer_id": cid, "issue_date": str(dt.date.today()), "due_date": str(dt.date.today() + dt.timedelta(30)),
        "lines": [{"description": "Water heater", "quantity": "1", "unit_price_cents": 120000}]}).json()
    api.post(f"/invoices/{invoice['id']}/send", expect=200)
    mailed = eventually(lambda: _mail_to(system, address, f"Invoice {invoice['number']}"), seconds=30)
    filename, content = _pdf(mailed)
    assert filename == f"{invoice['number']}.pdf" and content.startswith(b"%PDF")
    assert f"/portal/invoices/{invoice['id']}" in mailed.get_body().get_content()

    api.post(f"/customers/{cid}/statements", expect=202, json={})
    mailed = eventually(lambda: _mail_to(system, address, "Your account statement"), seconds=30)
    filename, content = _pdf(mailed)
    assert filename.startswith("statement-") and content.startswith(b"%PDF")

    def all_three_sent():
        items = api.get(f"/customers/{cid}/communications", expect=200).json()["items"]
        return len(items) == 3 and all(c["status"] == "sent" and c["attempts"] == 1 for c in items)
    eventually(all_three_sent)
