"""Invoice and statement PDFs parsed back; "send statement" asks comms to email it."""
from __future__ import annotations

import datetime as dt
import io
import uuid

from pypdf import PdfReader


def _text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)


def test_invoice_pdf_has_lines_and_totals(api, client, auth, new_customer):
    customer = new_customer("Ada Lovelace")
    invoice = api.invoice(customer, lines=[
        {"description": "Water heater flush", "quantity": "2", "unit_price_cents": 12550, "tax_rate": "8.25"}])
    api.pay(customer, 5000, [(invoice["id"], 5000)])
    text = _text(client.get(f"/invoices/{invoice['id']}/pdf", headers=auth))
    for expected in (f"Invoice {invoice['number']}", "Ada Lovelace", "Water heater flush", "USD 251.00",
                     "USD 20.71", "USD 271.71", "USD 50.00", "USD 221.71"):
        assert expected in text, expected


def test_statement_pdf_ages_open_invoices(api, client, auth, customer):
    today = dt.date.today()
    for days_late in (-5, 10, 45, 75, 120):
        due = today - dt.timedelta(days=days_late)
        api.invoice(customer, issue_date=(due - dt.timedelta(days=30)).isoformat(), due_date=due.isoformat(),
                    lines=[{"description": "x", "unit_price_cents": 1000 * (days_late + 10)}])
    text = _text(client.get(f"/customers/{customer}/statement.pdf", headers=auth))
    for label, amount in (("Current", "USD 50.00"), ("1-30 days", "USD 200.00"), ("31-60 days", "USD 550.00"),
                          ("61-90 days", "USD 850.00"), ("Over 90 days", "USD 1,300.00")):
        assert label in text and amount in text
    assert "Total due" in text and "USD 2,950.00" in text


def test_send_statement_emits_statement_requested(api, app, emitted, account_id, customer):
    request = api.call("post", f"/customers/{customer}/statements", 202, json={"email": "ap@example.com"})
    event = emitted(app, account_id, "statement.requested")[0]["data"]
    assert event["statement_id"] == request["id"] and event["customer_id"] == str(customer)
    assert event["email"] == "ap@example.com" and event["as_of"] == dt.date.today().isoformat()


def test_a_statement_request_names_who_asked(app, emitted, account_id, customer, make_token):
    named = {"Authorization": f"Bearer {make_token(account_id, sub='dev@fieldwork.local', name='Dana Whitfield')}"}
    response = app.test_client().post(f"/customers/{customer}/statements", json={"email": None}, headers=named)
    assert response.status_code == 202, response.json
    event = emitted(app, account_id, "statement.requested")[0]["data"]
    assert event["requested_by_name"] == "Dana Whitfield"
    assert event["requested_by"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "fieldwork:user:dev@fieldwork.local"))
