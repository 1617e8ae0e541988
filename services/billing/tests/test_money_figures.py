"""Money figures as the office reads them: void owes nothing, the ledger's dates, lifetime revenue, AR as of a date."""
from __future__ import annotations

import io

from pypdf import PdfReader

from chassis.messaging.event import utcnow


def test_a_void_invoice_owes_nothing(api, customer):
    invoice = api.invoice(customer, lines=[{"description": "Inspection", "unit_price_cents": 5000}])
    voided = api.call("post", f"/invoices/{invoice['id']}/void")
    assert (voided["status"], voided["balance_cents"]) == ("void", 0)
    assert api.call("get", f"/invoices/{invoice['id']}")["balance_cents"] == 0
    assert api.summary(customer)["balance_cents"] == 0


def test_the_ledger_dates_an_invoice_by_its_issue_date(api, customer):
    api.invoice(customer, issue_date="2026-03-14", due_date="2026-04-13")
    entry = api.call("get", f"/customers/{customer}/ledger")["items"][0]
    assert entry["kind"] == "invoice" and entry["occurred_at"].startswith("2026-03-14T00:00:00")


def test_lifetime_revenue_is_billed_less_credit_notes_and_refunds_beside_total_paid(api, customer, app, emitted,
                                                                                     account_id):
    first = api.invoice(customer, lines=[{"description": "Install", "unit_price_cents": 100000}])
    second = api.invoice(customer, lines=[{"description": "Repair", "unit_price_cents": 20000}])
    void = api.invoice(customer, lines=[{"description": "Mistake", "unit_price_cents": 7000}])
    api.call("post", f"/invoices/{void['id']}/void")
    api.invoice(customer, send=False, lines=[{"description": "Draft", "unit_price_cents": 9000}])
    payment = api.pay(customer, 100000, [(first["id"], 100000)])
    api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 5000,
                                                 "invoice_id": second["id"], "reason": "Goodwill"})
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "invoice_id": first["id"],
                                            "amount_cents": 3000, "destination": "customer"})
    summary = api.summary(customer)
    assert summary["total_billed_cents"] == 120000
    assert summary["lifetime_revenue_cents"] == 120000 - 5000 - 3000
    assert summary["total_paid_cents"] == 97000 and summary["lifetime_value_cents"] == 97000
    assert emitted(app, account_id, "balance.changed")[-1]["data"]["lifetime_revenue_cents"] == 112000


def test_lifetime_revenue_is_described_in_the_api_document(client):
    figures = client.get("/openapi.json").get_json()["components"]["schemas"]["SummaryOut"]["properties"]
    assert "void excluded" in figures["lifetime_revenue_cents"]["description"]
    assert "Net cash received" in figures["lifetime_value_cents"]["description"]
    assert figures["total_paid_cents"]["description"]


def _statement(client, auth, customer, as_of: str) -> str:
    response = client.get(f"/customers/{customer}/statement.pdf?as_of={as_of}", headers=auth)
    assert response.status_code == 200
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)


def test_a_statement_as_of_a_date_shows_what_was_true_then(api, client, auth, customer):
    september = api.invoice(customer, issue_date="2026-09-01", due_date="2026-09-15",
                            lines=[{"description": "Tune-up", "unit_price_cents": 10000}])
    october = api.invoice(customer, issue_date="2026-10-01", due_date="2026-10-31",
                          lines=[{"description": "Filter", "unit_price_cents": 3300}])
    api.invoice(customer, issue_date="2026-09-20", due_date="2026-09-25",
                lines=[{"description": "Paid later", "unit_price_cents": 4400}])
    api.pay(customer, 2000, [(september["id"], 2000)], received_at="2026-09-20T10:00:00Z")
    api.pay(customer, 8000, [(september["id"], 8000)], received_at="2026-10-05T10:00:00Z")
    text = _statement(client, auth, customer, "2026-09-30")
    assert september["number"] in text and october["number"] not in text
    assert "USD 80.00" in text  # the September invoice less the payment received by then, not today's 0
    assert "1-30" in text  # 15 days past due on the 30th, counted from the statement's date
    assert "Total due" in text and "USD 124.00" in text  # 80.00 + the 44.00 not yet paid
    today = _statement(client, auth, customer, "2026-12-31")
    assert september["number"] not in today and october["number"] in today


def test_a_statements_account_credit_is_the_credit_on_its_date(api, client, auth, customer):
    payment = api.pay(customer, 5000, received_at="2026-09-20T10:00:00Z")  # unapplied: account credit from the 20th
    tune_up = api.invoice(customer, issue_date="2026-09-01", due_date="2026-09-15",
                          lines=[{"description": "Tune-up", "unit_price_cents": 3000}])
    api.call("post", f"/invoices/{tune_up['id']}/apply-credit", json={"amount_cents": 3000})  # applied today
    api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 700,
                                                 "reason": "Goodwill"})  # issued today
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "amount_cents": 500,
                                            "destination": "customer"})  # given back today
    assert api.summary(customer)["credit_cents"] == 2200
    september = _statement(client, auth, customer, "2026-09-30")
    # the payment not yet applied, the credit note not yet issued, nothing given back yet: the invoice still owed
    assert "Account credit USD 50.00" in september
    assert tune_up["number"] in september and "Total due USD 30.00" in september
    august = _statement(client, auth, customer, "2026-08-31")
    assert "Account credit USD 0.00" in august
    today = _statement(client, auth, customer, utcnow().date().isoformat())
    assert "Account credit USD 22.00" in today and tune_up["number"] not in today
