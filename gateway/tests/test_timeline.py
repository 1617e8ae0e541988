"""The merged timeline over the real services: hundreds of mixed items paged without gaps or repeats."""
from __future__ import annotations

import datetime as dt
import uuid

import urllib3

import seed
from chassis.pagination import encode_cursor

SOURCES = ("customers", "jobs", "billing", "comms")


def read_source(stack, service, customer_id, headers) -> list[dict]:
    """A service's whole activity list, read from the service itself, page by page."""
    items, cursor = [], None
    while True:
        fields = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        response = urllib3.request("GET", f"{stack[service].url}/customers/{customer_id}/activity",
                                   fields=fields, headers=headers)
        assert response.status == 200, (service, response.data)
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_paging_hundreds_of_mixed_items_has_no_gaps_or_repeats(gateway, stack, headers_for):
    headers = headers_for()
    customer_id = seed.customer(gateway, headers)["id"]
    base = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    for n in range(120):
        # every third call shares its minute with others: ties are ordered by id across services
        seed.call_logged(gateway, headers, customer_id, occurred_at=base + dt.timedelta(minutes=n - n % 3), body=f"#{n}")
    for n in range(40):
        seed.note(gateway, headers, customer_id, f"note {n}")
    for n in range(30):
        seed.job(gateway, headers, customer_id, f"job {n}")
    for n in range(20):
        seed.invoice(gateway, headers, customer_id, cents=1000 + n, send=False)

    expected = [item for service in SOURCES for item in read_source(stack, service, customer_id, headers)]
    expected.sort(key=lambda i: (dt.datetime.fromisoformat(i["occurred_at"]), uuid.UUID(i["id"])), reverse=True)
    assert len(expected) >= 210

    served, cursor, pages = [], None, 0
    while True:
        query = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = gateway.get(f"/api/customers/{customer_id}/timeline", query_string=query, headers=headers).json
        assert page["unavailable"] == []
        served += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [i["id"] for i in served] == [i["id"] for i in expected]
    assert pages >= len(expected) // 7
    assert {i["kind"] for i in served} >= {"communication", "note", "job", "invoice"}


def test_bad_query_answers_422_and_nothing_else(gateway, headers_for):
    customer_id = seed.customer(gateway, headers_for())["id"]
    path = f"/api/customers/{customer_id}/timeline"
    for query, field in (({"limit": 0}, "limit"), ({"limit": "many"}, "limit"), ({"limit": 101}, "limit"),
                         ({"cursor": "%%%not-a-cursor"}, "cursor"),
                         # readable cursors, but not of a timeline: the services would compare times with them
                         ({"cursor": encode_cursor(["a", "b"])}, "cursor"), ({"cursor": encode_cursor([1])}, "cursor"),
                         ({"cursor": encode_cursor([uuid.uuid4(), dt.datetime.now(dt.timezone.utc)])}, "cursor")):
        response = gateway.get(path, query_string=query, headers=headers_for())
        assert response.status_code == 422, query
        assert response.json["error"]["code"] == "validation_error"
        assert field in response.json["error"]["fields"]


def test_timeline_tenancy_and_permissions(gateway, headers_for, other_auth):
    customer_id = seed.customer(gateway, headers_for())["id"]
    seed.note(gateway, headers_for(), customer_id, "private")
    path = f"/api/customers/{customer_id}/timeline"
    assert gateway.get(path).status_code == 401
    assert gateway.get(path, headers=other_auth).status_code == 404
    assert gateway.get(path, headers=headers_for(perms=["jobs:view"])).status_code == 403
    only_notes = gateway.get(path, headers=headers_for(perms=["customers:view"])).json
    assert {i["kind"] for i in only_notes["items"]} == {"note", "customer"}  # the customers service's part only


def test_the_resource_api_passes_services_answers_on(gateway, headers_for, other_auth):
    customer = seed.customer(gateway, headers_for())
    listed = gateway.get("/api/customers", query_string={"limit": 5}, headers=headers_for())
    assert listed.status_code == 200 and [c["id"] for c in listed.json["items"]] == [customer["id"]]
    assert gateway.get(f"/api/customers/{customer['id']}", headers=other_auth).status_code == 404
    bad = gateway.post("/api/customers", json={"display_name": ""}, headers=headers_for())
    assert bad.status_code == 422 and "display_name" in bad.json["error"]["fields"]
    assert gateway.get("/api/customers", query_string={"limit": "x"}, headers=headers_for()).status_code == 422
    denied = gateway.post("/api/customers", json={"display_name": "X"}, headers=headers_for(perms=["customers:view"]))
    assert denied.status_code == 403
    assert gateway.get("/api/nothing-here", headers=headers_for()).status_code == 404
    request_id = "req-" + uuid.uuid4().hex
    echoed = gateway.get(f"/api/customers/{customer['id']}", headers={**headers_for(), "X-Request-Id": request_id})
    assert echoed.headers["X-Request-Id"] == request_id


def test_cors_for_the_configured_front_end_only(gateway):
    preflight = gateway.options("/api/customers", headers={"Origin": "http://front.test",
                                                           "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "http://front.test"
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    stranger = gateway.options("/api/customers", headers={"Origin": "http://evil.test",
                                                          "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in stranger.headers
    answered = gateway.get("/healthz", headers={"Origin": "http://front.test"})
    assert answered.headers["Access-Control-Allow-Origin"] == "http://front.test"


def test_status_reports_every_service(gateway, stack):
    body = gateway.get("/status").json
    assert set(body["services"]) == {"customers", "jobs", "billing", "comms", "insights"}
    for name in stack.running:
        assert body["services"][name]["status"] in ("ready", "not_ready"), body["services"][name]
    assert gateway.get("/healthz").json["status"] == "ok"


def test_lists_refuse_a_readable_cursor_of_another_shape(gateway, headers_for):
    customer_id = seed.customer(gateway, headers_for())["id"]
    for path, query in (("/api/customers", {"q": "dana"}), ("/api/customers", {}), ("/api/jobs", {}),
                        (f"/api/customers/{customer_id}/invoices", {}), (f"/api/customers/{customer_id}/notes", {})):
        for key in (["a", "b"], [1], [True, None]):
            response = gateway.get(path, query_string={**query, "cursor": encode_cursor(key)}, headers=headers_for())
            assert response.status_code == 422, (path, key, response.get_data(as_text=True))
            assert "cursor" in response.json["error"]["fields"], (path, key)
