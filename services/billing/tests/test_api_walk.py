"""The billing API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_walk import Seeder, WalkTests, service_walk

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}
CARD = {"processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k", "brand": "visa", "last4": "4242", "exp_month": 8,
        "exp_year": 2099}


def seed(api: Seeder) -> None:
    """One record of every kind billing keeps: invoices (a draft and a sent one), a payment, a credit note, a
    refund, a card, a statement request, a price book item and a pricing table request, for a customer and a job
    known by event."""
    property_id = str(uuid.uuid4())
    api.ids["property_id"] = property_id
    customer_id = api.ids["customer_id"] = api.customer_known(properties=[{"id": property_id, "address": ADDRESS}])
    # a customer a body may name as the one billed (the walk checks another account's id is refused there)
    api.ids["bill_to_customer_id"] = api.customer_known("Parent Holdings")
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
    item = api.post("/price-book", {"name": "Spring tune-up", "unit_price_cents": 12900,
                                    "kind_prices": {"commercial": 18900}})
    api.ids["item_id"] = item["id"]
    api.post("/customers/{customer_id}/pricing-table/send", {"email": None})


@pytest.fixture(scope="module")
def walk(app):
    return service_walk(app, seed)


class TestApiWalk(WalkTests):
    """Schemathesis, tenancy and permission walks of this service's document, seeded above."""
