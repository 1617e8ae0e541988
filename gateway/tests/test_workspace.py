"""The workspace against the real services: every section, permissions, tenancy, and each service failing."""
from __future__ import annotations

import json
import time
import uuid

import pytest

import seed

DEADLINE_MS = 1200  # long enough that a busy shared box does not time out the healthy services
SECTIONS = ("jobs", "estimates", "plans", "recent_activity", "reviews", "invoices", "communications", "insights")
SERVICES = ("customers", "jobs", "billing", "comms", "insights")
SECTION_SERVICE = {"jobs": "jobs", "estimates": "jobs", "plans": "jobs", "recent_activity": "jobs", "reviews": "jobs",
                   "invoices": "billing", "communications": "comms", "insights": "insights"}


@pytest.fixture
def customer(gateway, headers_for):
    return seed.full_customer(gateway, headers_for())


def workspace(client, customer_id, headers):
    started = time.monotonic()
    response = client.get(f"/api/customers/{customer_id}/workspace", headers=headers)
    return response, (time.monotonic() - started) * 1000


def test_the_whole_workspace_from_every_service(gateway, headers_for, customer):
    # insights learns of the customer from events (relay → RabbitMQ → its consumer): give it a moment
    ends = time.monotonic() + 30
    while True:
        response, _ = workspace(gateway, customer["id"], headers_for())
        assert response.status_code == 200, response.json
        if response.json["insights"]["status"] == "ok" or time.monotonic() > ends:
            break
        time.sleep(0.5)
    doc = response.json
    assert doc["profile"]["data"]["display_name"] == "Dana Whitfield"
    assert [n["body"] for n in doc["pinned_notes"]["items"]] == ["Dog in the yard"]
    assert doc["header"]["status"] == "ok"
    assert doc["header"]["balance_cents"] == 12500 and doc["header"]["total_billed_cents"] == 12500
    assert doc["header"]["open_job_count"] == 1
    assert [j["title"] for j in doc["jobs"]["data"]["items"]] == ["Furnace tune-up"]
    assert [e["title"] for e in doc["estimates"]["data"]["items"]] == ["New condenser"]
    assert doc["plans"] == {"status": "ok", "data": {"items": [], "next_cursor": None}}
    assert [i["total_cents"] for i in doc["invoices"]["data"]["items"]] == [12500]
    assert [c["body"] for c in doc["communications"]["data"]["items"]] == ["Asked about a quote"]
    assert doc["recent_activity"]["status"] == "ok"
    assert doc["reviews"] == {"status": "ok", "data": {"items": [], "next_cursor": None,
                                                       "summary": {"count": 0, "average": None}}}
    kinds = [item["kind"] for item in doc["timeline"]["items"]]
    assert sorted(set(kinds)) == ["communication", "customer", "estimate", "invoice", "job", "note"], kinds
    times = [item["occurred_at"] for item in doc["timeline"]["items"]]
    assert times == sorted(times, reverse=True)
    assert doc["timeline"]["status"] == "ok" and doc["timeline"]["unavailable"] == []
    assert doc["insights"]["status"] == "ok"
    assert "cards" in doc["insights"]["data"] and doc["insights"]["data"]["ai"]["status"] == "not_configured"


def test_the_reviews_section_shows_the_average_the_count_and_the_latest_with_their_job(gateway, headers_for):
    headers = headers_for()
    customer = seed.full_customer(gateway, headers)
    rated = []
    for title, rating in (("Spring repair", 2), ("Opener install", 5)):
        job = gateway.post("/api/jobs", json={"customer_id": customer["id"], "title": title,
                                              "scheduled_start": "2027-03-01T14:00:00Z"}, headers=headers).json
        for to in ("in_progress", "completed"):
            assert gateway.post(f"/api/jobs/{job['id']}/status", json={"to": to}, headers=headers).status_code == 200
        review = gateway.post(f"/api/jobs/{job['id']}/review", json={"rating": rating, "comment": f"{title}!"},
                              headers=headers)
        assert review.status_code == 201, review.json
        rated.append(job)
    doc, _ = workspace(gateway, customer["id"], headers)
    section = doc.json["reviews"]
    assert section["status"] == "ok" and section["data"]["summary"] == {"count": 2, "average": 3.5}
    assert [(r["job_number"], r["job_title"], r["rating"]) for r in section["data"]["items"]] == [
        (rated[1]["number"], "Opener install", 5), (rated[0]["number"], "Spring repair", 2)]
    titles = [item["title"] for item in doc.json["timeline"]["items"] if item["kind"] == "review"]
    assert titles == ["Rated 5/5 — Opener install!", "Rated 2/5 — Spring repair!"]


def test_rating_a_job_needs_reviews_create_at_the_gateway_too(gateway, headers_for):
    job_id = uuid.uuid4()
    without = gateway.post(f"/api/jobs/{job_id}/review", json={"rating": 5},
                           headers=headers_for(perms=["jobs:view", "jobs:edit"]))
    assert without.status_code == 403 and "reviews:create" in without.json["error"]["message"]
    only_that = gateway.post(f"/api/jobs/{job_id}/review", json={"rating": 5}, headers=headers_for(perms=[
        "reviews:create"]))
    assert only_that.status_code == 404  # through to the jobs service, which knows no such job


def test_the_workspace_makes_one_call_per_service(gateway, stack, headers_for, customer):
    # every call's cost is mostly fixed, so the workspace asks each service once for its whole part
    request_id = uuid.uuid4().hex
    response = gateway.get(f"/api/customers/{customer['id']}/workspace",
                           headers={**headers_for(), "X-Request-Id": request_id})
    assert response.status_code == 200
    calls = {}
    for service in SERVICES:
        lines = stack[service].log_path.read_text().splitlines()
        # the access line names the route, not the path (a path may hold a secret)
        calls[service] = [json.loads(line)["route"] for line in lines
                          if request_id in line and '"fieldwork.access"' in line]
    assert calls == {
        "customers": ["/customers/<uuid:customer_id>/workspace-part"],
        "jobs": ["/customers/<uuid:customer_id>/workspace-part"],
        "billing": ["/customers/<uuid:customer_id>/workspace-part"],
        "comms": ["/customers/<uuid:customer_id>/workspace-part"],
        "insights": ["/customers/<uuid:customer_id>/insights"],
    }


def test_sections_the_caller_may_not_see_are_left_out(gateway, headers_for, customer):
    response, _ = workspace(gateway, customer["id"], headers_for(perms=["customers:view", "jobs:view"]))
    doc = response.json
    assert response.status_code == 200
    assert "jobs" in doc and "invoices" not in doc and "communications" not in doc and "insights" not in doc
    assert "balance_cents" not in doc["header"] and doc["header"]["open_job_count"] == 1
    assert {item["kind"] for item in doc["timeline"]["items"]} <= {"customer", "note", "job", "estimate", "plan", "photo"}


def test_auth_tenancy_and_missing_customers(gateway, headers_for, customer, other_auth):
    path = f"/api/customers/{customer['id']}/workspace"
    assert gateway.get(path).status_code == 401
    assert gateway.get(path, headers={"Authorization": "Bearer forged.token.here"}).status_code == 401
    assert gateway.get(path, headers=headers_for(perms=["jobs:view"])).json["error"]["code"] == "forbidden"
    assert gateway.get(path, headers=other_auth).status_code == 404
    assert gateway.get(f"/api/customers/{uuid.uuid4()}/workspace", headers=headers_for()).status_code == 404
    assert gateway.get("/api/customers/not-a-uuid/workspace", headers=headers_for()).status_code == 404


def test_a_merged_customer_says_where_it_went(gateway, headers_for, customer):
    duplicate = seed.customer(gateway, headers_for(), name="Dana W.")
    merged = gateway.post(f"/api/customers/{customer['id']}/merge", headers=headers_for(),
                          json={"duplicate_id": duplicate["id"]})
    assert merged.status_code in (200, 201), merged.json
    response, _ = workspace(gateway, duplicate["id"], headers_for())
    assert response.status_code == 200
    assert response.json["merged_into"] == customer["id"]
    assert response.json["workspace"] == f"/api/customers/{customer['id']}/workspace"


@pytest.mark.parametrize("service", ["jobs", "billing", "comms", "insights"])
def test_a_stopped_service_leaves_its_sections_unavailable(make_gateway, stack, headers_for, service):
    gateway = make_gateway(deadline_ms=DEADLINE_MS, call_timeout_ms=DEADLINE_MS - 100)
    customer = seed.full_customer(gateway, headers_for())
    with stack[service].stopped():
        response, elapsed_ms = workspace(gateway, customer["id"], headers_for())
    assert response.status_code == 200
    assert elapsed_ms < DEADLINE_MS + 250
    doc = response.json
    for section, owner in SECTION_SERVICE.items():
        assert doc[section]["status"] == ("unavailable" if owner == service else "ok") or owner == "insights", section
    if service in ("jobs", "billing"):
        assert doc["header"]["status"] == "unavailable" and doc["header"]["missing"] == [service]
    if service != "insights":
        assert doc["timeline"]["unavailable"] == [service]
        assert doc["timeline"]["items"], "the other services' parts are still there"


def test_without_customers_there_is_no_workspace(make_gateway, stack, headers_for):
    gateway = make_gateway(deadline_ms=DEADLINE_MS)
    customer = seed.customer(gateway, headers_for())
    with stack["customers"].stopped():
        response, _ = workspace(gateway, customer["id"], headers_for())
    assert response.status_code == 503 and response.json["error"]["code"] == "unavailable"


def test_a_frozen_service_costs_no_more_than_the_deadline(make_gateway, stack, headers_for):
    gateway = make_gateway(deadline_ms=DEADLINE_MS, call_timeout_ms=DEADLINE_MS - 50, breaker_failures=2)
    customer = seed.full_customer(gateway, headers_for())
    with stack["billing"].frozen():
        answers = [workspace(gateway, customer["id"], headers_for()) for _ in range(4)]
    for response, elapsed_ms in answers:
        assert response.status_code == 200
        assert response.json["invoices"]["status"] == "unavailable"
        assert response.json["jobs"]["status"] == "ok"
        assert elapsed_ms < DEADLINE_MS + 250
    # after two failures the breaker answers at once instead of waiting for the deadline again
    assert answers[-1][0].json["invoices"]["reason"].startswith("billing is failing")
    assert answers[-1][1] < DEADLINE_MS


def test_a_service_this_deployment_lacks_is_not_configured(make_gateway, stack, headers_for):
    gateway = make_gateway(service_urls={**stack.urls(), "insights": "off"})
    customer = seed.customer(gateway, headers_for())
    doc = gateway.get(f"/api/customers/{customer['id']}/workspace", headers=headers_for()).json
    assert doc["insights"]["status"] == "not_configured"
    assert doc["jobs"]["status"] == "ok"


def test_a_service_not_written_yet_is_unavailable(make_gateway, stack, headers_for):
    from stack import free_port
    gateway = make_gateway(service_urls={**stack.urls(), "comms": f"http://127.0.0.1:{free_port()}"})
    customer = seed.customer(gateway, headers_for())
    doc = gateway.get(f"/api/customers/{customer['id']}/workspace", headers=headers_for()).json
    assert doc["communications"]["status"] == "unavailable"
    assert doc["timeline"]["unavailable"] == ["comms"]


def test_each_service_process_reports_the_cpu_it_spent(gateway, stack, headers_for, customer):
    # bench/workspace.py divides this by the workspaces served to show where the box's CPU goes
    before = {service: stack[service].cpu_seconds() for service in SERVICES}
    for _ in range(20):
        assert gateway.get(f"/api/customers/{customer['id']}/workspace", headers=headers_for()).status_code == 200
    spent = {service: stack[service].cpu_seconds() - before[service] for service in SERVICES}
    assert all(seconds > 0 for seconds in spent.values()), spent
