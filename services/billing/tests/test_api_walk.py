"""The billing API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_document import view_permissions
from chassis.testing.api_walk import Seeder, Walk, assert_clean, deliverer

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}
CARD = {"processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k", "brand": "visa", "last4": "4242", "exp_month": 8,
        "exp_year": 2099}


def seed(api: Seeder) -> None:
    """One record of every kind billing keeps: invoices (a draft and a sent one), a payment, a credit note, a
    refund, a card, a statement request, for a customer and a job known by event."""
    property_id = str(uuid.uuid4())
    api.ids["property_id"] = property_id
    customer_id = api.ids["customer_id"] = api.customer_known(properties=[{"id": property_id, "address": ADDRESS}])
    job_id = api.ids["job_id"] = str(uuid.uuid4())
    api.event("job.created", job={"id": job_id, "customer_id": customer_id, "property_id": property_id,
                                  "estimate_id": None})
    lines = [{"description": "Furnace tune-up", "unit_price_cents": 12500}]
    sent = api.post("/invoices", {"customer_id": customer_id, "lines": lines})
    api.call("POST", f"/invoices/{sent['id']}/send")
    draft = api.post("/invoices", {"customer_id": customer_id, "job_id": job_id, "property_id": property_id,
                                   "lines": lines})
    api.ids["invoice_id"] = draft["id"]
    api.call("PATCH", "/invoices/{invoice_id}", {"job_id": job_id, "property_id": property_id, "notes": "Net 30"})
    payment = api.post("/payments", {"customer_id": customer_id, "amount_cents": 6000, "method": "card",
                                     "allocations": [{"invoice_id": sent["id"], "amount_cents": 5000}]})
    api.ids["payment_id"] = payment["id"]
    note = api.post("/credit-notes", {"customer_id": customer_id, "amount_cents": 2500, "reason": "Goodwill"})
    api.ids["note_id"] = note["id"]
    refund = api.post("/refunds", {"payment_id": payment["id"], "amount_cents": 1000})
    api.ids["refund_id"] = refund["id"]
    api.call("PUT", "/customers/{customer_id}/card", CARD)
    api.post("/customers/{customer_id}/statements", {"email": "ap@example.com"})


@pytest.fixture(scope="module")
def walk(app):
    return Walk(app, seed, database_urls=[app.extensions["fieldwork"].settings.database_url],
                permission_of=view_permissions(app), deliver=deliverer(app))


def test_every_answer_is_deliberate_and_documented(walk):
    assert_clean("schemathesis", walk.fuzz_failures(walk.seeded(), max_examples=12))


def test_another_account_reaches_none_of_its_records(walk):
    assert_clean("tenancy", walk.tenancy_failures(walk.seeded(), walk.seeded()))


def test_each_operation_needs_exactly_its_permission(walk):
    assert_clean("permissions", walk.permission_failures(walk.seeded()))
