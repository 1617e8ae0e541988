"""The client portal: magic links redeemed once, sessions that see one customer's own records only."""
from __future__ import annotations

import jwt
import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import seed
from chassis.testing.plugin import TEST_JWT_SECRET
from chassis.testing.processes import ServiceProcess, free_port, settings_env

INTERNAL_WORDS = ("Dog in the yard", "vip", "lead_source", "tags", "pinned_notes", "access_notes", "insights")


def magic_link_token(stack, customer_id) -> str:
    """The link the customers service put in its portal.invite_requested event (what comms would email)."""
    engine = create_engine(stack["customers"].env["FIELDWORK_CUSTOMERS_DATABASE_URL"])
    with engine.connect() as connection:
        envelopes = connection.execute(text(
            "SELECT envelope FROM outbox WHERE event_type = 'portal.invite_requested' ORDER BY position")).scalars()
        links = [e["data"]["magic_link"] for e in envelopes if e["data"]["customer_id"] == customer_id]
    engine.dispose()
    return links[-1].rsplit("/", 1)[-1]


@pytest.fixture
def invited(gateway, stack, headers_for):
    headers = headers_for()
    customer = seed.full_customer(gateway, headers)
    seed.invoice(gateway, headers, customer["id"], cents=999, send=False)  # a draft the customer must not see
    invite = gateway.post(f"/api/customers/{customer['id']}/portal-invites", headers=headers,
                          json={"email": "dana@example.com"})
    assert invite.status_code == 201, invite.json
    return customer, magic_link_token(stack, customer["id"])


def test_a_magic_link_opens_the_customers_own_view_once(gateway, invited):
    customer, token = invited
    opened = gateway.post("/api/portal/sessions", json={"token": token})
    assert opened.status_code == 201, opened.json
    assert "HttpOnly" in opened.headers["Set-Cookie"]
    session = {"Authorization": f"Bearer {opened.json['session']}"}
    view = gateway.get("/api/portal/me", headers=session)
    assert view.status_code == 200, view.json
    body = view.json
    assert body["customer"]["name"] == "Dana Whitfield"
    assert [p["city"] for p in body["customer"]["properties"]] == ["Springfield"]
    assert [i["total_cents"] for i in body["invoices"]["items"]] == [12500]  # the draft is not shown
    assert body["invoices"]["balance_cents"] == 12500
    assert body["upcoming_visits"]["status"] == "ok" and body["estimates_to_approve"]["status"] == "ok"
    assert not any(word in view.get_data(as_text=True) for word in INTERNAL_WORDS)

    pdf = gateway.get(body["invoices"]["items"][0]["pdf"], headers=session)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    # the cookie alone also carries the session (the browser's way)
    assert gateway.get("/api/portal/me").status_code == 200

    again = gateway.post("/api/portal/sessions", json={"token": token})
    assert again.status_code == 401, "a link is single use"


def test_a_portal_session_sees_no_other_customer(gateway, stack, headers_for, invited):
    _, token = invited
    other = seed.full_customer(gateway, headers_for())
    other_invoice = seed.invoice(gateway, headers_for(), other["id"])
    session = {"Authorization": f"Bearer {gateway.post('/api/portal/sessions', json={'token': token}).json['session']}"}
    assert gateway.get(f"/api/portal/invoices/{other_invoice['id']}/pdf", headers=session).status_code == 404
    # a portal session is not a staff token: the resource API and the workspace refuse it
    assert gateway.get(f"/api/customers/{other['id']}", headers=session).status_code == 401
    assert gateway.get(f"/api/customers/{other['id']}/workspace", headers=session).status_code == 401


def test_expired_forged_and_staff_tokens_open_nothing(gateway, stack, invited, headers_for):
    customer, token = invited
    engine = create_engine(stack["customers"].env["FIELDWORK_CUSTOMERS_DATABASE_URL"])
    with engine.begin() as connection:
        connection.execute(text("UPDATE portal_invites SET expires_at = now() - interval '1 day' "
                                "WHERE customer_id = :c"), {"c": customer["id"]})
    engine.dispose()
    assert gateway.post("/api/portal/sessions", json={"token": token}).status_code == 401
    assert gateway.post("/api/portal/sessions", json={"token": token[:-3] + "abc"}).status_code == 401
    assert gateway.post("/api/portal/sessions", json={}).status_code == 422
    forged = jwt.encode({"sub": f"portal:{customer['id']}", "account_id": "x", "aud": "fieldwork-portal",
                         "exp": 9999999999}, TEST_JWT_SECRET, algorithm="HS256")
    assert gateway.get("/api/portal/me", headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    assert gateway.get("/api/portal/me", headers=headers_for()).status_code == 401
    assert gateway.get("/api/portal/me").status_code == 401


def test_staff_can_view_as_client(gateway, invited, headers_for, other_auth):
    customer, _ = invited
    path = f"/api/customers/{customer['id']}/portal-view"
    view = gateway.get(path, headers=headers_for(perms=["customers:view", "jobs:view", "billing:view"]))
    assert view.status_code == 200 and view.json["customer"]["name"] == "Dana Whitfield"
    assert [i["total_cents"] for i in view.json["invoices"]["items"]] == [12500]
    assert view.json["upcoming_visits"]["status"] == "ok" and view.json["estimates_to_approve"]["status"] == "ok"
    assert not any(word in view.get_data(as_text=True) for word in INTERNAL_WORDS)
    assert gateway.get(path, headers=headers_for(perms=["jobs:view"])).status_code == 403
    assert gateway.get(path, headers=other_auth).status_code == 404


def test_view_as_client_shows_only_the_sections_the_staff_user_may_see(gateway, invited, headers_for):
    customer, _ = invited
    path = f"/api/customers/{customer['id']}/portal-view"
    hidden = {"billing": {"status": "not_permitted", "permission": "billing:view"},
              "jobs": {"status": "not_permitted", "permission": "jobs:view"}}

    no_billing = gateway.get(path, headers=headers_for(perms=["customers:view", "jobs:view"]))
    assert no_billing.status_code == 200, no_billing.json
    assert no_billing.json["invoices"] == hidden["billing"]
    assert "12500" not in no_billing.get_data(as_text=True) and "balance_cents" not in no_billing.get_data(as_text=True)
    assert no_billing.json["estimates_to_approve"]["status"] == "ok"

    profile_only = gateway.get(path, headers=headers_for(perms=["customers:view"]))
    assert profile_only.status_code == 200, profile_only.json
    assert profile_only.json["customer"]["name"] == "Dana Whitfield"
    assert profile_only.json["invoices"] == hidden["billing"]
    assert profile_only.json["upcoming_visits"] == profile_only.json["estimates_to_approve"] == hidden["jobs"]

    no_jobs = gateway.get(path, headers=headers_for(perms=["customers:view", "billing:view"]))
    assert no_jobs.json["upcoming_visits"] == hidden["jobs"]
    assert [i["total_cents"] for i in no_jobs.json["invoices"]["items"]] == [12500]


def test_the_customer_approves_their_own_estimate_only(gateway, headers_for, invited):
    customer, token = invited
    headers = headers_for()
    estimate = seed.estimate(gateway, headers, customer["id"], "Heat pump")
    sent = gateway.post(f"/api/estimates/{estimate['id']}/status", headers=headers, json={"to": "sent"})
    assert sent.status_code == 200, sent.json
    other = seed.customer(gateway, headers, "Someone Else")
    foreign = seed.estimate(gateway, headers, other["id"], "Not yours")
    gateway.post(f"/api/estimates/{foreign['id']}/status", headers=headers, json={"to": "sent"})
    session = {"Authorization": f"Bearer {gateway.post('/api/portal/sessions', json={'token': token}).json['session']}"}

    to_approve = gateway.get("/api/portal/me", headers=session).json["estimates_to_approve"]["items"]
    assert [e["title"] for e in to_approve] == ["Heat pump"]
    assert gateway.post(f"/api/portal/estimates/{foreign['id']}/approve", headers=session).status_code == 404
    approved = gateway.post(f"/api/portal/estimates/{estimate['id']}/approve", headers=session)
    assert approved.status_code == 200, approved.json
    assert approved.json["status"] == "approved" and approved.json["job_id"]
    assert gateway.post(f"/api/portal/estimates/{estimate['id']}/approve", headers=session).status_code == 404
    assert gateway.get("/api/portal/me", headers=session).json["estimates_to_approve"]["items"] == []


def test_a_link_the_customers_service_cannot_check_is_503_not_refused(make_gateway, stack, make_settings,
                                                                     headers_for, tmp_path):
    """The customers service is up but its database has gone: it answers 5xx, and the link may well be good."""
    settings = make_settings("customers")
    customers = ServiceProcess("customers", "web", settings_env(settings), port=free_port(), log_dir=tmp_path)
    customers.start().wait_healthy(60)
    headers = headers_for()
    customer = requests.post(f"{customers.url}/customers", json={"display_name": "Dana Whitfield"}, headers=headers,
                             timeout=10).json()
    invited = requests.post(f"{customers.url}/customers/{customer['id']}/portal-invites", headers=headers, timeout=10,
                            json={"email": "dana@example.com"})
    assert invited.status_code == 201, invited.text
    token = magic_link_token({"customers": customers}, customer["id"])
    admin = create_engine(make_url(settings.database_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    database = make_url(settings.database_url).database
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                               {"d": database})
        gateway = make_gateway(service_urls={**stack.urls(), "customers": customers.url})
        answer = gateway.post("/api/portal/sessions", json={"token": token})
    finally:
        customers.stop()
        admin.dispose()
    assert answer.status_code == 503, answer.json
    assert answer.json["error"]["code"] == "unavailable"


def test_a_bill_to_parent_opens_in_its_portal_the_invoice_billed_to_it(gateway, stack, headers_for):
    headers = headers_for()
    tenant = seed.customer(gateway, headers, "Tia Tenant")
    parent = seed.customer(gateway, headers, "Parent Holdings")
    seed.ok(gateway.post(f"/api/customers/{tenant['id']}/relations", headers=headers,
                         json={"related_id": parent["id"], "kind": "bill_to"}))
    invoice = seed.ok(gateway.post("/api/invoices", headers=headers, json={
        "customer_id": tenant["id"], "bill_to_customer_id": parent["id"],
        "lines": [{"description": "Furnace repair", "unit_price_cents": 30000}]}))
    seed.ok(gateway.post(f"/api/invoices/{invoice['id']}/send", headers=headers, json={}))
    seed.ok(gateway.post(f"/api/customers/{parent['id']}/portal-invites", headers=headers,
                         json={"email": "ap@parent-holdings.example"}))
    opened = gateway.post("/api/portal/sessions", json={"token": magic_link_token(stack, parent["id"])})
    session = {"Authorization": f"Bearer {opened.json['session']}"}
    listed = gateway.get("/api/portal/me", headers=session).json["invoices"]["items"]
    assert [i["total_cents"] for i in listed] == [30000]
    pdf = gateway.get(listed[0]["pdf"], headers=session)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
