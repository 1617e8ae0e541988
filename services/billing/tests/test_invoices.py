"""Invoices through the API: numbers, money, states and the moves between them."""
from __future__ import annotations

import datetime as dt


def test_invoice_numbers_lines_tax_and_rounding(api, customer):
    invoice = api.invoice(customer, send=False, lines=[
        {"description": "Labour", "quantity": "1.5", "unit_price_cents": 3333, "tax_rate": "8.25"},
        {"description": "Filter", "quantity": "3", "unit_price_cents": 1999, "tax_rate": "0"},
    ])
    second = api.invoice(customer, send=False)
    assert invoice["number"].startswith("INV-") and int(second["number"][4:]) == int(invoice["number"][4:]) + 1
    # 1.5 × 3333 = 4999.5 → 5000 (half-up); tax 5000 × 8.25% = 412.5 → 413; 3 × 1999 = 5997
    assert [line["amount_cents"] for line in invoice["lines"]] == [5000, 5997]
    assert [line["tax_cents"] for line in invoice["lines"]] == [413, 0]
    assert (invoice["subtotal_cents"], invoice["tax_cents"], invoice["total_cents"]) == (10997, 413, 11410)
    assert invoice["status"] == "draft" and invoice["balance_cents"] == 11410


def test_draft_is_not_billed_until_sent(api, customer, app, emitted, account_id):
    invoice = api.invoice(customer, send=False)
    assert api.summary(customer)["total_billed_cents"] == 0
    sent = api.call("post", f"/invoices/{invoice['id']}/send")
    assert sent["status"] == "sent"
    summary = api.summary(customer)
    assert (summary["total_billed_cents"], summary["balance_cents"], summary["open_invoice_count"]) == (10000, 10000, 1)
    assert [e["data"]["invoice"]["number"] for e in emitted(app, account_id, "invoice.created")] == [invoice["number"]]
    assert emitted(app, account_id, "invoice.sent")[0]["data"]["invoice_id"] == invoice["id"]
    assert emitted(app, account_id, "balance.changed")[-1]["data"]["balance_cents"] == 10000


def test_illegal_moves_answer_409(api, customer):
    invoice = api.invoice(customer)
    api.call("post", f"/invoices/{invoice['id']}/send", 409)
    draft = api.invoice(customer, send=False)
    api.call("post", f"/invoices/{draft['id']}/viewed", 409)
    api.call("post", f"/invoices/{draft['id']}/void")
    api.call("post", f"/invoices/{draft['id']}/void", 409)
    api.call("post", f"/invoices/{draft['id']}/send", 409)


def test_viewed_partial_paid(api, customer, app, emitted, account_id):
    invoice = api.invoice(customer)
    assert api.call("post", f"/invoices/{invoice['id']}/viewed")["status"] == "viewed"
    api.pay(customer, 4000, [(invoice["id"], 4000)])
    assert api.call("get", f"/invoices/{invoice['id']}")["status"] == "partial"
    api.pay(customer, 6000, [(invoice["id"], 6000)])
    paid = api.call("get", f"/invoices/{invoice['id']}")
    assert (paid["status"], paid["balance_cents"], paid["paid_cents"]) == ("paid", 0, 10000)
    assert len(emitted(app, account_id, "invoice.paid")) == 1
    assert api.call("post", f"/invoices/{invoice['id']}/viewed")["status"] == "paid"


def test_overdue_follows_due_date_and_balance(api, customer):
    past = dt.date.today() - dt.timedelta(days=40)
    late = api.invoice(customer, issue_date=past.isoformat(), due_date=(past + dt.timedelta(days=10)).isoformat())
    current = api.invoice(customer)
    assert late["status"] == "overdue" and current["status"] == "sent"
    summary = api.summary(customer)
    assert summary["overdue_cents"] == 10000
    assert summary["oldest_overdue_due_date"] == (past + dt.timedelta(days=10)).isoformat()
    overdue = api.call("get", f"/customers/{customer}/invoices?status=overdue")["items"]
    sent = api.call("get", f"/customers/{customer}/invoices?status=sent")["items"]
    assert [i["id"] for i in overdue] == [late["id"]] and [i["id"] for i in sent] == [current["id"]]
    api.pay(customer, 10000, [(late["id"], 10000)])
    assert api.summary(customer)["overdue_cents"] == 0
    assert api.call("get", f"/invoices/{late['id']}")["status"] == "paid"


def test_void_refused_while_money_applied_until_refunded(api, customer, app, emitted, account_id):
    invoice = api.invoice(customer)
    payment = api.pay(customer, 3000, [(invoice["id"], 3000)])
    api.call("post", f"/invoices/{invoice['id']}/void", 409)
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "invoice_id": invoice["id"],
                                              "amount_cents": 3000, "destination": "account_credit"})
    voided = api.call("post", f"/invoices/{invoice['id']}/void")
    assert voided["status"] == "void"
    summary = api.summary(customer)
    assert (summary["total_billed_cents"], summary["balance_cents"], summary["credit_cents"]) == (0, 0, 3000)
    assert emitted(app, account_id, "invoice.voided")[0]["data"]["invoice_id"] == invoice["id"]


def test_invoice_list_pages_newest_first(api, customer):
    made = [api.invoice(customer, send=False)["id"] for _ in range(5)]
    first = api.call("get", f"/customers/{customer}/invoices?limit=3")
    second = api.call("get", f"/customers/{customer}/invoices?limit=3&cursor={first['next_cursor']}")
    assert [i["id"] for i in first["items"] + second["items"]] == made[::-1]
    assert second["next_cursor"] is None


def test_only_a_draft_can_be_revised(api, customer):
    draft = api.invoice(customer, send=False)
    revised = api.call("patch", f"/invoices/{draft['id']}", json={
        "lines": [{"description": "Two visits", "quantity": "2", "unit_price_cents": 7000}], "notes": "Gate code 1234"})
    assert (revised["total_cents"], len(revised["lines"]), revised["notes"]) == (14000, 1, "Gate code 1234")
    api.call("patch", f"/invoices/{draft['id']}", 422, json={"lines": []})
    api.call("post", f"/invoices/{draft['id']}/send")
    api.call("patch", f"/invoices/{draft['id']}", 409, json={"notes": "late change"})
    assert api.summary(customer)["total_billed_cents"] == 14000


def test_apply_credit_without_credit_is_409(api, customer):
    invoice = api.invoice(customer)
    api.call("post", f"/invoices/{invoice['id']}/apply-credit", 409, json={})
