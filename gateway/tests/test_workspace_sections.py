"""The workspace's sections for related customers, membership, status history, open portal invites, photos and the
card on file, through the gateway against the real services; and an invoice billed to a bill-to parent."""
from __future__ import annotations

import io
import time

import pytest
from PIL import Image

import seed
from chassis.testing.processes import ServiceProcess

CUSTOMER_SECTIONS = ("related_customers", "membership", "status_history", "portal_invites")


@pytest.fixture(scope="module")
def customers_consumer(stack, tmp_path_factory):
    """The customers service's consumer, which the shared stack does not run: memberships come from plan events."""
    process = ServiceProcess("customers", "consumer", dict(stack["customers"].env),
                             log_dir=tmp_path_factory.mktemp("customers-consumer"))
    process.start().wait_ready(60)
    yield process
    process.stop()


def workspace(gateway, headers, customer_id) -> dict:
    return seed.ok(gateway.get(f"/api/customers/{customer_id}/workspace", headers=headers))


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def test_related_customers_show_in_both_workspaces_and_an_invoice_is_billed_to_the_parent(gateway, headers_for):
    headers = headers_for()
    tenant = seed.customer(gateway, headers, "Tia Tenant")
    parent = seed.customer(gateway, headers, "Parent Holdings")
    link = seed.ok(gateway.post(f"/api/customers/{tenant['id']}/relations", headers=headers,
                                json={"related_id": parent["id"], "kind": "bill_to"}))
    assert link["label"] == "Billed to"
    invoice = seed.ok(gateway.post("/api/invoices", headers=headers, json={
        "customer_id": tenant["id"], "bill_to_customer_id": parent["id"],
        "lines": [{"description": "Furnace repair", "unit_price_cents": 30000}]}))
    seed.ok(gateway.post(f"/api/invoices/{invoice['id']}/send", headers=headers, json={}))

    mine, theirs = workspace(gateway, headers, tenant["id"]), workspace(gateway, headers, parent["id"])
    assert mine["related_customers"]["status"] == "ok"
    assert [(r["label"], r["customer"]["display_name"]) for r in mine["related_customers"]["data"]["items"]] == [
        ("Billed to", "Parent Holdings")]
    assert [(r["label"], r["customer"]["display_name"]) for r in theirs["related_customers"]["data"]["items"]] == [
        ("Bill-to of", "Tia Tenant")]
    # the work stays in the tenant's history; the money is in the parent's balance
    assert [i["number"] for i in mine["invoices"]["data"]["items"]] == [invoice["number"]]
    assert [i["number"] for i in theirs["invoices"]["data"]["items"]] == [invoice["number"]]
    assert theirs["header"]["balance_cents"] == 30000 and mine["header"]["balance_cents"] == 0

    assert gateway.delete(f"/api/customers/{parent['id']}/relations/{link['id']}", headers=headers).status_code == 204
    assert workspace(gateway, headers, tenant["id"])["related_customers"]["data"]["items"] == []


def test_an_active_plan_is_the_membership_and_the_list_filters_members(gateway, headers_for, customers_consumer):
    headers = headers_for()
    member = seed.customer(gateway, headers, "Mona Member")
    other = seed.customer(gateway, headers, "Otis Other")
    plan = seed.ok(gateway.post("/api/plans", headers=headers, json={
        "customer_id": member["id"], "name": "Comfort Club", "price_per_visit_cents": 12900,
        "rrule": "FREQ=MONTHLY;INTERVAL=6", "starts_at": "2027-03-02T14:00:00Z", "status": "active"}))
    assert plan["status"] == "active"
    ends = time.monotonic() + 30  # the plan event reaches customers through the broker
    while True:
        doc = workspace(gateway, headers, member["id"])
        if doc["membership"]["data"]["member"] or time.monotonic() > ends:
            break
        time.sleep(0.3)
    current = doc["membership"]["data"]["current"]
    assert doc["membership"]["status"] == "ok" and current["name"] == "Comfort Club"
    assert current["renewal_date"] and current["since"]
    assert workspace(gateway, headers, other["id"])["membership"]["data"] == {"member": False, "current": None,
                                                                              "items": []}
    members = seed.ok(gateway.get("/api/customers?member=true&limit=100", headers=headers))["items"]
    others = seed.ok(gateway.get("/api/customers?member=false&limit=100", headers=headers))["items"]
    assert member["id"] in {c["id"] for c in members} and other["id"] not in {c["id"] for c in members}
    assert other["id"] in {c["id"] for c in others} and member["id"] not in {c["id"] for c in others}


def test_status_history_open_invites_photos_and_card_sections(gateway, headers_for):
    headers = headers_for()
    customer = seed.customer(gateway, headers, "Sasha Sections")
    empty = workspace(gateway, headers, customer["id"])
    assert empty["photos"]["data"] == {"items": [], "count": 0}
    assert empty["card_on_file"] == {"status": "ok", "data": None}
    assert empty["portal_invites"]["data"]["items"] == []

    seed.ok(gateway.post(f"/api/customers/{customer['id']}/status", headers=headers,
                         json={"to": "prospect", "reason": "Called back"}))
    seed.ok(gateway.post(f"/api/customers/{customer['id']}/portal-invites", headers=headers,
                         json={"email": "sasha@example.com"}))
    for caption in ("Before", "After"):
        seed.ok(gateway.post(f"/api/customers/{customer['id']}/photos", headers=headers,
                             content_type="multipart/form-data",
                             data={"file": (io.BytesIO(_png()), f"{caption}.png"), "caption": caption}))
    seed.ok(gateway.put(f"/api/customers/{customer['id']}/card", headers=headers, json={
        "processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k", "brand": "visa", "last4": "4242", "exp_month": 8,
        "exp_year": 2099}))

    doc = workspace(gateway, headers, customer["id"])
    for name in CUSTOMER_SECTIONS + ("photos", "card_on_file", "reviews"):
        assert doc[name]["status"] == "ok", name
    assert [s["to"] for s in doc["status_history"]["data"]["items"]] == ["prospect", "lead"]  # newest first
    assert [(i["email"], i["status"]) for i in doc["portal_invites"]["data"]["items"]] == [
        ("sasha@example.com", "pending")]
    assert doc["photos"]["data"]["count"] == 2
    assert [p["caption"] for p in doc["photos"]["data"]["items"]] == ["After", "Before"]
    assert doc["card_on_file"]["data"]["last4"] == "4242"


def test_sections_a_caller_may_not_see_are_left_out(gateway, headers_for):
    customer = seed.customer(gateway, headers_for(), "Pat Perms")
    doc = workspace(gateway, headers_for(perms=["customers:view"]), customer["id"])
    assert "photos" not in doc and "card_on_file" not in doc
    assert doc["related_customers"]["status"] == "ok" and doc["membership"]["status"] == "ok"
