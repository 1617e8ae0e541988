"""Deleting a customer (a privacy request) across the whole system: after the erasure, no service's database holds
the person's names, phone numbers, emails or street in any text, JSON or bytes column of any table, and the
account's money totals are what they were."""
import io
import random
import uuid

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from chassis.testing.erasure import where_held
from polling import eventually

pytestmark = pytest.mark.system
SERVICES = ("customers", "jobs", "billing", "comms", "insights")


def _engine(system, service):
    return create_engine(system.process(service, "web").env[f"FIELDWORK_{service.upper()}_DATABASE_URL"])


def _rows(system, service: str, sql: str, **params) -> list:
    engine = _engine(system, service)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params))
    finally:
        engine.dispose()


def _settled(system) -> bool:
    """Every event of every service sent, and each consumed by every service that binds its type."""
    import billing.bootstrap
    import comms.bootstrap
    import customers.bootstrap
    import insights.bootstrap
    import jobs.bootstrap
    specs = {"customers": customers.bootstrap.SPEC, "jobs": jobs.bootstrap.SPEC, "billing": billing.bootstrap.SPEC,
             "comms": comms.bootstrap.SPEC, "insights": insights.bootstrap.SPEC}
    published = []
    for service in SERVICES:
        rows = _rows(system, service, "SELECT event_id, event_type, sent_at FROM outbox")
        assert all(row.sent_at is not None for row in rows), f"{service} has unsent events"
        published += rows
    for service, spec in specs.items():
        wanted = {row.event_id for row in published if row.event_type in spec.handlers.types}
        seen = {row.event_id for row in _rows(system, service, "SELECT event_id FROM inbox")}
        assert wanted <= seen, f"{service} has not applied {len(wanted - seen)} events"
    return True


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 60)).save(out, format="PNG")
    return out.getvalue()


def _money(system, account_id) -> tuple:
    [invoices] = _rows(system, "billing", "SELECT count(*) AS n, sum(total_cents) AS total, sum(balance_cents) AS due "
                                          "FROM invoices WHERE account_id = :a", a=account_id)
    [payments] = _rows(system, "billing", "SELECT count(*) AS n, sum(amount_cents) AS paid FROM payments "
                                          "WHERE account_id = :a", a=account_id)
    return tuple(invoices) + tuple(payments)


def test_after_deleting_a_customer_no_service_holds_their_personal_data(api, system, account_id):
    tag = uuid.uuid4().hex[:8]
    name, email = f"Wilhelmina Stroudwater{tag}", f"wil.{tag}@example.com"
    digits = f"512{random.randint(2000000, 9999999)}"
    phone, street = f"+1{digits}", f"{random.randint(10, 9999)} Quillfeather{tag} Ln"
    customer = api.post("/customers", expect=201, json={
        "display_name": name, "company": f"{name} Ltd",
        "contacts": [{"name": name, "emails": [email], "phones": [{"number": digits}]}],
        "properties": [{"line1": street, "city": "Austin", "region": "TX", "postal_code": "78731",
                        "access_notes": f"Key under the mat {tag}"}]}).json()
    customer_id, property_id = customer["id"], customer["properties"][0]["id"]
    other = api.post("/customers", expect=201, json={"display_name": f"Unrelated Person {tag[::-1]}"}).json()
    api.post(f"/customers/{customer_id}/properties/{property_id}/equipment", expect=201,
             json={"kind": "furnace", "serial": f"SN{tag}"})
    api.post(f"/customers/{customer_id}/notes", expect=201, json={"body": f"{name} prefers mornings", "pinned": True})

    job = api.post("/jobs", expect=201, json={
        "customer_id": customer_id, "title": f"Furnace for {name}", "property_id": property_id,
        "notes": f"Call {phone} first", "scheduled_start": "2026-12-20T15:00:00Z",
        "line_items": [{"description": "Labour", "quantity": 1, "unit_price_cents": 24000}]}).json()
    api.post("/estimates", expect=201, json={"customer_id": customer_id, "title": f"Quote for {street}",
                                             "property_id": property_id})
    api.post(f"/jobs/{job['id']}/photos", expect=201, data={"caption": f"{street} front"},
             files={"file": (f"{tag}.png", _png(), "image/png")})
    for to in ("in_progress", "completed"):
        api.post(f"/jobs/{job['id']}/status", expect=200, json={"to": to})
    api.post(f"/jobs/{job['id']}/review", expect=201, json={"rating": 4, "comment": f"{name} says thanks"})

    invoice = api.post("/invoices", expect=201, json={
        "customer_id": customer_id, "job_id": job["id"], "lines": [{"description": "Furnace", "unit_price_cents": 24000}]
    }).json()
    api.post(f"/invoices/{invoice['id']}/send", expect=200, json={})
    api.post("/payments", expect=201, json={"customer_id": customer_id, "amount_cents": 10000, "method": "card",
                                            "allocations": [{"invoice_id": invoice["id"], "amount_cents": 10000}]})
    api.post("/invoices", expect=201, json={"customer_id": other["id"],
                                            "lines": [{"description": "Other work", "unit_price_cents": 5000}]})
    api.post(f"/customers/{customer_id}/statements", expect=202, json={"email": email})
    api.post("/communications", expect=201, json={
        "customer_id": customer_id, "channel": "call", "direction": "inbound", "from": phone,
        "body": f"{name} asked about the furnace", "transcript": f"Hi, this is {name} at {street}"})
    api.post("/messages", expect=202, json={"customer_id": customer_id, "channel": "email",
                                            "subject": f"Your visit, {name}", "body": f"Dear {name}, see you soon."})
    eventually(lambda: _settled(system), seconds=60)

    values = [name, email, phone, digits, street, f"Quillfeather{tag}", f"SN{tag}"]
    held = {service: _held(system, service, values) for service in SERVICES}
    assert all(held.values()), held  # the scan can fail: every service holds something of the person before
    money_before = _money(system, account_id)
    summary_before = api.get(f"/customers/{customer_id}/billing-summary", expect=200).json()

    erasure = api.post(f"/customers/{customer_id}/erase", expect=200, json={"confirm_name": name}).json()
    pseudonym = erasure["pseudonym"]
    assert pseudonym == f"Erased customer {customer['number']}"
    eventually(lambda: _settled(system), seconds=60)

    assert {service: _held(system, service, values) for service in SERVICES} == {s: [] for s in SERVICES}
    assert _money(system, account_id) == money_before
    assert api.get(f"/customers/{customer_id}/billing-summary", expect=200).json() == summary_before
    workspace = api.get(f"/customers/{customer_id}/workspace", expect=200).json()
    assert workspace["profile"]["data"]["display_name"] == pseudonym
    assert [e["customer_id"] for e in api.get("/erasures", expect=200).json()["items"]] == [customer_id]
    assert api.post(f"/customers/{customer_id}/erase", expect=200, json={"confirm_name": "x"}).json() == erasure
    assert api.get(f"/customers/{other['id']}", expect=200).json()["display_name"] == other["display_name"]


def _held(system, service: str, values: list[str]) -> list:
    engine = _engine(system, service)
    try:
        with engine.connect() as connection:
            return where_held(connection, values)
    finally:
        engine.dispose()
