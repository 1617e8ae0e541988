"""Data for the gateway's tests and bench, written through the gateway's own /api (the real path)."""
from __future__ import annotations

import datetime as dt


def ok(response, status=(200, 201)) -> dict:
    code = getattr(response, "status_code", None) or response.status
    body = response.json if hasattr(response, "json") and not callable(response.json) else response.json()
    assert code in status, (code, body)
    return body


def customer(client, headers, name="Dana Whitfield") -> dict:
    return ok(client.post("/api/customers", headers=headers, json={
        "display_name": name, "tags": ["vip"],
        "properties": [{"line1": "12 Oak St", "city": "Springfield", "region": "IL", "postal_code": "62701"}]}))


def note(client, headers, customer_id, body="Gate code 4411", pinned=False) -> dict:
    return ok(client.post(f"/api/customers/{customer_id}/notes", headers=headers, json={"body": body, "pinned": pinned}))


def job(client, headers, customer_id, title="Furnace tune-up") -> dict:
    return ok(client.post("/api/jobs", headers=headers, json={"customer_id": customer_id, "title": title}))


def estimate(client, headers, customer_id, title="New condenser") -> dict:
    return ok(client.post("/api/estimates", headers=headers, json={"customer_id": customer_id, "title": title}))


def invoice(client, headers, customer_id, cents=12500, send=True) -> dict:
    created = ok(client.post("/api/invoices", headers=headers, json={
        "customer_id": customer_id, "lines": [{"description": "Service call", "unit_price_cents": cents}]}))
    if send:  # a draft is not billed yet
        return ok(client.post(f"/api/invoices/{created['id']}/send", headers=headers, json={}))
    return created


def call_logged(client, headers, customer_id, occurred_at: dt.datetime | None = None, body="Asked about a quote"):
    payload = {"customer_id": customer_id, "channel": "call", "direction": "inbound", "body": body}
    if occurred_at is not None:
        payload["occurred_at"] = occurred_at.isoformat()
    return ok(client.post("/api/communications", headers=headers, json=payload))


def full_customer(client, headers) -> dict:
    """A customer with something in every service."""
    c = customer(client, headers)
    note(client, headers, c["id"], "Dog in the yard", pinned=True)
    note(client, headers, c["id"], "Prefers mornings")
    job(client, headers, c["id"])
    estimate(client, headers, c["id"])
    invoice(client, headers, c["id"])
    call_logged(client, headers, c["id"])
    return c
