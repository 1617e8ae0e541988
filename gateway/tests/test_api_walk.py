"""The whole public API walked from the gateway's document, through the gateway to every service running as a real
process: generated inputs, another account's ids, each permission (bounded harder than a service's walk)."""
from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image

from chassis.testing.api_document import PUBLIC, Operation, view_permissions
from chassis.testing.api_walk import Form, Seeder, Walk, WalkTests
from gateway.bootstrap import SPEC
from gateway.composition.openapi import _covers
from gateway.routes import ROUTES

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}
LINES = [{"description": "Furnace tune-up", "unit_price_cents": 12500}]
# A one-row export in the Jobber layout, so the walk has an import to reach.
EXPORT = (b"Client ID,First Name,Last Name,Company Name,E-mail,Main Phone #,Billing Street 1,Billing City,"
          b"Billing State,Billing Zip code\r\nJ-1,Ada,Walker,,ada@example.com,512-555-0101,1 Elm St,Austin,TX,"
          b"78701\r\n")


def seed(api: Seeder) -> None:
    """One record of every kind in every service, written through the gateway's /api as a client would."""
    customer = api.post("/customers", {"display_name": "Dana Whitfield", "tags": ["vip"], "properties": [ADDRESS],
                                       "contacts": [{"name": "Dana", "phones": [{"number": "512-555-0142"}]}]})
    api.ids.update(customer_id=customer["id"], tag="vip", property_id=customer["properties"][0]["id"],
                   contact_id=customer["contacts"][0]["id"])
    # A second property, so every walk adds one with a real address (addresses are checked before the customer is).
    api.post("/customers/{customer_id}/properties", {**ADDRESS, "line1": "12 Elm St"})
    api.ids["equipment_id"] = api.post("/customers/{customer_id}/properties/{property_id}/equipment",
                                       {"kind": "furnace", "make": "Lennox"})["id"]
    api.ids["note_id"] = api.post("/customers/{customer_id}/notes", {"body": "Gate code 4411", "pinned": True})["id"]
    api.post("/customers/{customer_id}/portal-invites", {"email": "dana@example.com"})
    api.ids["duplicate_id"] = api.post("/customers", {"display_name": "Dana W."})["id"]
    api.ids["merge_id"] = api.post("/customers/{customer_id}/merge", {"duplicate_id": api.ids["duplicate_id"]})["id"]
    # a bill-to parent: the relation's other end, and the customer an invoice may be billed to
    parent = api.post("/customers", {"display_name": "Parent Holdings"})["id"]
    api.ids.update(related_id=parent, bill_to_customer_id=parent)
    api.ids["relation_id"] = api.post("/customers/{customer_id}/relations", {"related_id": parent,
                                                                             "kind": "bill_to"})["id"]
    api.ids["import_id"] = api.post("/imports", Form({"file": (EXPORT, "jobber.csv"), "layout": "jobber"}))[
        "import"]["id"]
    for template, body in (("/customers/{customer_id}", {"company": "Whitfield HVAC"}),
                           ("/customers/{customer_id}/contacts/{contact_id}", {"role": "Owner"}),
                           ("/customers/{customer_id}/properties/{property_id}", {"access_notes": "Gate 4321"}),
                           ("/customers/{customer_id}/properties/{property_id}/equipment/{equipment_id}",
                            {"model": "SL280"}),
                           ("/customers/{customer_id}/notes/{note_id}", {"body": "Gate code 4412"})):
        api.call("PATCH", template, body)
    _jobs(api)
    _billing(api)
    api.ids["communication_id"] = api.post("/communications", {
        "customer_id": api.ids["customer_id"], "channel": "call", "direction": "inbound", "body": "Asked"})["id"]
    api.post("/messages", {"customer_id": api.ids["customer_id"], "channel": "email", "to": "dana@example.com",
                           "subject": "Your visit", "body": "See you Tuesday"})
    # An SMS thread or an unmatched text needs the sender worker or a signed provider webhook, which this stack does
    # not have (comms' own walk seeds both); its communication is already a customer's.
    api.ids["thread_id"] = str(uuid.uuid4())
    api.seeded.unseeded.add("thread_id")
    api.seeded.no_reference_walk["POST /api/unmatched/{communication_id}/assign"] = "no unmatched text at the gateway"
    api.call("PUT", "/settings/integrations/openai", {"api_key": "sk-test-walk-0123456789abcdef"})
    api.call("PATCH", "/settings/insights", {"overdue_days": 30})


def _jobs(api: Seeder) -> None:
    at = {"customer_id": api.ids["customer_id"], "property_id": api.ids["property_id"]}
    api.ids["job_id"] = api.post("/jobs", {**at, "title": "Furnace tune-up"})["id"]
    api.ids["technician_id"] = api.post("/technicians", {"name": "Sam Ortiz", "colour": "#2F80ED"})["id"]
    api.ids["visit_id"] = api.post("/jobs/{job_id}/visits", {"scheduled_start": "2027-01-11T14:00:00Z",
                                                             "technician_ids": [api.ids["technician_id"]]})["id"]
    api.ids["estimate_id"] = api.post("/estimates", {**at, "title": "New garage door"})["id"]
    api.ids["plan_id"] = api.post("/plans", {**at, "name": "Quarterly pest control", "price_per_visit_cents": 8900,
                                             "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                                             "starts_at": "2027-03-02T14:00:00Z"})["id"]
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, format="PNG")
    photo = Form({"file": (out.getvalue(), "door.png")})
    api.ids["photo_id"] = api.post("/jobs/{job_id}/photos", photo)["id"]
    api.post("/customers/{customer_id}/photos", photo)
    api.call("PATCH", "/jobs/{job_id}", {"property_id": api.ids["property_id"], "notes": "Dog in the yard"})


def _billing(api: Seeder) -> None:
    customer_id = api.ids["customer_id"]
    sent = api.post("/invoices", {"customer_id": customer_id, "lines": LINES})
    api.call("POST", f"/invoices/{sent['id']}/send")
    api.ids["invoice_id"] = api.post("/invoices", {"customer_id": customer_id, "job_id": api.ids["job_id"],
                                                   "property_id": api.ids["property_id"], "lines": LINES})["id"]
    api.call("PATCH", "/invoices/{invoice_id}", {"job_id": api.ids["job_id"], "notes": "Net 30"})
    api.ids["payment_id"] = api.post("/payments", {
        "customer_id": customer_id, "amount_cents": 6000, "method": "card",
        "allocations": [{"invoice_id": sent["id"], "amount_cents": 5000}]})["id"]
    credit = api.post("/credit-notes", {"customer_id": customer_id, "amount_cents": 2500, "reason": "Goodwill"})
    api.seeded.under["/api/credit-notes"] = {"note_id": credit["id"]}
    api.ids["refund_id"] = api.post("/refunds", {"payment_id": api.ids["payment_id"], "amount_cents": 1000})["id"]
    api.call("PUT", "/customers/{customer_id}/card", {"processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k",
                                                      "brand": "visa", "last4": "4242", "exp_month": 8,
                                                      "exp_year": 2099})
    api.ids["item_id"] = api.post("/price-book", {"name": "Spring tune-up", "unit_price_cents": 12900,
                                                  "kind_prices": {"commercial": 18900}})["id"]


def route_permission(app):
    """The gateway's own views declare theirs; a proxied path takes its route's (read for GET, else write)."""
    declared = view_permissions(app)

    def permission(operation: Operation) -> str | None:
        own = declared(operation)
        if own is not None:
            return own
        service_path = operation.path.removeprefix("/api")
        route = next((r for r in ROUTES if _covers(r, service_path)), None)
        if route is None:
            return None
        if route.public:
            return PUBLIC
        return route.read if operation.method == "GET" else route.write

    return permission


@pytest.fixture(scope="module")
def walk(make_app, stack):
    app = make_app(SPEC, service_urls=stack.urls(), deadline_ms=3000, call_timeout_ms=2500)
    urls = [stack[name].env[f"FIELDWORK_{name.upper()}_DATABASE_URL"] for name in sorted(stack.running)]
    yield Walk(app, seed, database_urls=urls, permission_of=route_permission(app),
               document_path="/api/openapi.json", prefix="/api")
    app.extensions["fieldwork"].adapter("upstreams").fanout.shutdown()


class TestApiWalk(WalkTests):
    max_examples = 5  # the whole system behind one document: bounded harder
