"""history.imported: a past invoice kept with the id the import gave it, marked imported, paid or voided as it was,
counted in the customer's figures like a native one, never mailed, and never made twice."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from fieldwork_contracts.checking import example

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}


@pytest.fixture
def imported(app, deliver, account_id):
    """``imported(customer_id, **invoice_fields)`` → the ``history.imported`` envelope delivered (a fresh invoice id
    unless one is given), its row's job the example's with a fresh id."""

    def deliver_row(customer_id, job=True, envelope=None, **invoice) -> dict:
        if envelope is None:
            envelope = example("history.imported")
            envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
            data = envelope["data"]
            data["customer_id"] = str(customer_id)
            data["job"] = {**data["job"], "id": str(uuid.uuid4())} if job else None
            data["invoice"].update(id=str(uuid.uuid4()), job_id=data["job"]["id"] if job else None)
            data["invoice"].update(invoice)
        assert deliver(app, envelope)
        return envelope

    return deliver_row


def _count(app, account_id, table: str) -> int:
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table} WHERE account_id = :a"),
                                  {"a": account_id}).scalar()


def test_the_invoice_and_its_payment_are_kept_as_they_were(api, app, emitted, account_id, customer, imported):
    row = imported(customer)["data"]
    past = row["invoice"]

    invoice = api.call("get", f"/invoices/{past['id']}")
    assert invoice["number"].startswith("INV-") and invoice["customer_id"] == str(customer)
    assert (invoice["imported_from"], invoice["source_number"]) == ("Jobber", "INV-883")
    assert (invoice["issue_date"], invoice["due_date"], invoice["currency"]) == ("2024-04-18", "2024-05-18", "USD")
    assert invoice["job_id"] == row["job"]["id"]  # the same row's job: the jobs service keeps it from this event
    assert [(line["description"], line["quantity"], line["amount_cents"]) for line in invoice["lines"]] == [
        ("Spring AC tune-up", "1.00", 18900)]
    assert (invoice["status"], invoice["total_cents"], invoice["paid_cents"], invoice["balance_cents"]) == (
        "paid", 18900, 18900, 0)
    assert invoice["paid_at"].startswith("2024-04-18") and invoice["sent_at"].startswith("2024-04-18")

    [recorded] = emitted(app, account_id, "payment.recorded")
    assert (recorded["version"], recorded["data"]["method"], recorded["data"]["amount_cents"]) == (
        2, "imported", 18900)  # v1 cannot say "imported": only v2 tells of it
    assert recorded["data"]["allocations"] == [{"invoice_id": past["id"], "amount_cents": 18900}]
    payment = api.call("get", f"/payments/{recorded['data']['payment_id']}")
    assert (payment["reference"], payment["received_at"][:10], payment["unallocated_cents"]) == (
        "Jobber INV-883", "2024-04-18", 0)

    [created] = emitted(app, account_id, "invoice.created")
    assert created["data"]["invoice"]["status"] == "sent"  # issued, so insights counts it as billed
    [paid] = emitted(app, account_id, "invoice.paid")
    assert paid["data"]["paid_at"].startswith("2024-04-18")  # not paid late: paid the day it was issued
    assert emitted(app, account_id, "invoice.sent") == []  # what has an invoice mailed; an imported one never is
    assert emitted(app, account_id, "balance.changed")[-1]["data"]["lifetime_revenue_cents"] == 18900

    ledger = api.call("get", f"/customers/{customer}/ledger")["items"]
    assert {(e["kind"], e["occurred_at"][:10], e["debit_cents"], e["credit_cents"]) for e in ledger} == {
        ("invoice", "2024-04-18", 18900, 0), ("payment", "2024-04-18", 0, 18900)}


def test_paid_part_paid_and_voided_ones_count_like_native_invoices(api, customer, imported):
    imported(customer)  # 18900, paid in full
    part = imported(customer, total_cents=10000, paid_cents=4000, source_number="INV-884")["data"]["invoice"]
    voided = imported(customer, total_cents=5000, paid_cents=0, voided=True)["data"]["invoice"]

    summary = api.summary(customer)
    assert (summary["total_billed_cents"], summary["total_paid_cents"], summary["balance_cents"],
            summary["lifetime_revenue_cents"], summary["lifetime_value_cents"], summary["open_invoice_count"],
            summary["credit_cents"]) == (28900, 22900, 6000, 28900, 22900, 1, 0)
    assert summary["overdue_cents"] == 6000  # due in May 2024
    shown = api.call("get", f"/invoices/{part['id']}")
    assert (shown["status"], shown["paid_cents"], shown["balance_cents"]) == ("overdue", 4000, 6000)
    shown = api.call("get", f"/invoices/{voided['id']}")
    assert (shown["status"], shown["balance_cents"], shown["voided_at"][:10]) == ("void", 0, "2024-04-18")

    # a native payment settles the imported balance like any other
    api.pay(customer, 6000)
    assert api.call("get", f"/invoices/{part['id']}")["status"] == "paid"
    assert api.summary(customer)["balance_cents"] == 0


def test_a_total_of_zero_is_paid_without_a_payment(api, app, emitted, account_id, customer, imported):
    past = imported(customer, total_cents=0, paid_cents=0)["data"]["invoice"]
    invoice = api.call("get", f"/invoices/{past['id']}")
    assert (invoice["status"], invoice["total_cents"]) == ("paid", 0)
    assert emitted(app, account_id, "payment.recorded") == []
    assert len(emitted(app, account_id, "invoice.paid")) == 1
    assert api.summary(customer)["balance_cents"] == 0


def test_a_redelivery_or_the_same_invoice_again_creates_nothing_twice(api, app, deliver, emitted, account_id,
                                                                      customer, imported):
    envelope = imported(customer, total_cents=10000, paid_cents=4000)
    figures, events = api.summary(customer), len(emitted(app, account_id))

    assert not deliver(app, envelope)  # the same event: the inbox skips it
    again = {**envelope, "id": str(uuid.uuid4())}  # the same file imported again: a new event, the same invoice id
    assert deliver(app, again)
    assert deliver(app, {**again, "id": str(uuid.uuid4()), "data": {**again["data"], "row_number": 99}})

    assert (_count(app, account_id, "invoices"), _count(app, account_id, "payments")) == (1, 1)
    assert api.summary(customer) == figures
    assert len(emitted(app, account_id)) == events


def test_a_row_without_an_invoice_writes_nothing(app, emitted, account_id, customer, imported):
    envelope = example("history.imported")
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    envelope["data"].update(customer_id=str(customer), invoice=None)
    imported(customer, envelope=envelope)
    assert _count(app, account_id, "invoices") == 0 and emitted(app, account_id) == []


def test_an_unknown_job_or_property_is_dropped_never_refused(api, app, deliver, account_id, imported):
    customer_id, property_id = str(uuid.uuid4()), str(uuid.uuid4())
    snapshot = example("customer.created")
    snapshot.update(id=str(uuid.uuid4()), account_id=str(account_id))
    snapshot["data"]["customer"].update(id=customer_id, properties=[{"id": property_id, "address": ADDRESS}])
    assert deliver(app, snapshot)

    unknown_job = imported(customer_id, job=False, job_id=str(uuid.uuid4()))["data"]["invoice"]
    assert api.call("get", f"/invoices/{unknown_job['id']}")["job_id"] is None

    envelope = example("history.imported")
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    row = envelope["data"]
    row.update(customer_id=customer_id)
    row["job"].update(id=str(uuid.uuid4()), property_id=str(uuid.uuid4()))  # a property billing never heard of
    row["invoice"].update(id=str(uuid.uuid4()), job_id=row["job"]["id"])
    imported(customer_id, envelope=envelope)
    invoice = api.call("get", f"/invoices/{row['invoice']['id']}")
    assert (invoice["job_id"], invoice["property_id"]) == (row["job"]["id"], None)

    envelope = example("history.imported")
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    row = envelope["data"]
    row.update(customer_id=customer_id)
    row["job"].update(id=str(uuid.uuid4()), property_id=property_id)  # the customer's, as their snapshot said
    row["invoice"].update(id=str(uuid.uuid4()), job_id=row["job"]["id"])
    imported(customer_id, envelope=envelope)
    assert api.call("get", f"/invoices/{row['invoice']['id']}")["property_id"] == property_id


def test_an_invoice_of_a_customer_merged_away_goes_to_the_one_it_was_merged_into(api, app, deliver, account_id,
                                                                                 customer, imported):
    duplicate = str(uuid.uuid4())
    envelope = example("customer.created")
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    envelope["data"]["customer"].update(id=duplicate, display_name="Dana W", merged_into=str(customer))
    assert deliver(app, envelope)
    sent = imported(duplicate, total_cents=18900, paid_cents=0)
    [kept] = api.call("get", f"/customers/{customer}/invoices")["items"]
    assert kept["id"] == sent["data"]["invoice"]["id"] and kept["customer_id"] == str(customer)
    assert api.call("get", f"/customers/{customer}/billing-summary")["balance_cents"] == 18900


def test_another_account_gets_404(client, other_auth, customer, imported):
    past = imported(customer)["data"]["invoice"]
    assert client.get(f"/invoices/{past['id']}", headers=other_auth).status_code == 404
    assert client.get(f"/customers/{customer}/invoices", headers=other_auth).status_code == 404


def test_the_invoice_shapes_carry_the_marker(api, customer, imported):
    past = imported(customer)["data"]["invoice"]
    native = api.invoice(customer)
    assert (native["imported_from"], native["source_number"]) == (None, None)
    listed = {i["id"]: i for i in api.call("get", f"/customers/{customer}/invoices")["items"]}
    part = api.call("get", f"/customers/{customer}/workspace-part")["invoices"]["items"]
    for items in (listed, {i["id"]: i for i in part}):
        assert (items[past["id"]]["imported_from"], items[past["id"]]["source_number"]) == ("Jobber", "INV-883")
        assert (items[native["id"]]["imported_from"], items[native["id"]]["source_number"]) == (None, None)
