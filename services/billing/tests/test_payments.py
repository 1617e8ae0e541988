"""Payments over several invoices, overpayment to credit, credit notes, refunds, ledger and activity."""
from __future__ import annotations


def test_payment_split_over_invoices_and_overpayment_becomes_credit(api, customer, app, emitted, account_id):
    first, second = api.invoice(customer), api.invoice(customer)
    payment = api.pay(customer, 25000, [(first["id"], 10000), (second["id"], 4000)], method="check",
                      reference="1042")
    assert (payment["allocated_cents"], payment["unallocated_cents"]) == (14000, 11000)
    summary = api.summary(customer)
    assert summary == {**summary, "total_billed_cents": 20000, "total_paid_cents": 14000, "balance_cents": 6000,
                       "credit_cents": 11000, "lifetime_value_cents": 25000, "open_invoice_count": 1}
    v2, v1 = emitted(app, account_id, "payment.recorded")
    assert (v2["version"], v1["version"]) == (2, 1) and v1["data"] == v2["data"]  # v1 until no consumer binds it
    event = v2["data"]
    assert event["credit_cents"] == 11000 and len(event["allocations"]) == 2
    later = api.invoice(customer)
    applied = api.call("post", f"/invoices/{later['id']}/apply-credit", json={})
    assert (applied["status"], applied["paid_cents"]) == ("paid", 10000)
    assert api.summary(customer)["credit_cents"] == 1000


def test_payment_without_allocations_settles_oldest_first(api, customer):
    old, new = api.invoice(customer, due_date="2030-01-01"), api.invoice(customer, due_date="2030-02-01")
    api.pay(customer, 12000)
    assert api.call("get", f"/invoices/{old['id']}")["status"] == "paid"
    assert api.call("get", f"/invoices/{new['id']}")["balance_cents"] == 8000


def test_over_applying_an_invoice_is_refused_and_writes_nothing(api, customer):
    invoice = api.invoice(customer)
    api.pay(customer, 20000, [(invoice["id"], 15000)], expect=409)
    assert api.call("get", f"/customers/{customer}/ledger")["items"][0]["kind"] == "invoice"
    assert api.summary(customer)["lifetime_value_cents"] == 0


def test_credit_note_and_refunds(api, customer):
    invoice = api.invoice(customer)
    note = api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 2500,
                                                         "reason": "Late arrival", "invoice_id": invoice["id"]})
    assert note["number"].startswith("CN-")
    assert api.call("get", f"/invoices/{invoice['id']}")["balance_cents"] == 7500
    payment = api.pay(customer, 9000, [(invoice["id"], 7500)])
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "amount_cents": 1500})
    api.call("post", "/refunds", 422, json={"payment_id": payment["id"], "amount_cents": 1})
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "amount_cents": 500,
                                              "invoice_id": invoice["id"]})
    invoice = api.call("get", f"/invoices/{invoice['id']}")
    assert (invoice["status"], invoice["balance_cents"]) == ("partial", 500)
    summary = api.summary(customer)
    assert (summary["lifetime_value_cents"], summary["credit_cents"], summary["balance_cents"]) == (7000, 0, 500)


def test_ledger_running_balance_newest_first_in_pages(api, customer):
    invoice = api.invoice(customer)
    api.pay(customer, 12000, [(invoice["id"], 10000)])
    api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 300, "reason": "x"})
    first = api.call("get", f"/customers/{customer}/ledger?limit=2")
    rest = api.call("get", f"/customers/{customer}/ledger?limit=2&cursor={first['next_cursor']}")
    entries = first["items"] + rest["items"]
    assert [e["kind"] for e in entries] == ["credit", "payment", "invoice"]
    assert [e["running_balance_cents"] for e in entries] == [-2300, -2000, 10000]
    summary = api.summary(customer)
    assert summary["balance_cents"] - summary["credit_cents"] == entries[0]["running_balance_cents"]


def test_activity_lists_invoices_payments_credits_refunds(api, customer):
    invoice = api.invoice(customer)
    payment = api.pay(customer, 10500, [(invoice["id"], 10000)])
    api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 100, "reason": "x"})
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "amount_cents": 500})
    first = api.call("get", f"/customers/{customer}/activity?limit=3")
    rest = api.call("get", f"/customers/{customer}/activity?limit=3&cursor={first['next_cursor']}")
    items = first["items"] + rest["items"]
    assert sorted(i["kind"] for i in items) == ["credit", "invoice", "payment", "refund"]
    keys = [(i["occurred_at"], i["id"]) for i in items]
    assert keys == sorted(keys, reverse=True) and rest["next_cursor"] is None
    assert next(i for i in items if i["kind"] == "invoice")["link"] == f"/api/invoices/{invoice['id']}"
