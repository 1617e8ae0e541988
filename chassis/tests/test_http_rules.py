"""The rules every service keeps, proven once on the chassis with a toy service."""
import io
import json
import logging
import uuid

from sqlalchemy import func, select

from chassis.db import UnscopedQuery
from chassis.logs import JsonFormatter
from toy_service.service import Widget


def test_no_token_is_401_with_the_envelope(client):
    response = client.get("/widgets")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_a_forged_token_is_401(client):
    response = client.get("/widgets", headers={"Authorization": "Bearer not.a.token"})
    assert response.status_code == 401


def test_an_expired_token_is_401(client, make_token, account_id):
    token = make_token(account_id, ttl_seconds=-10)
    response = client.get("/widgets", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert "expired" in response.json["error"]["message"]


def test_missing_permission_is_403(client, make_token, account_id):
    token = make_token(account_id, perms=["customers:view"])
    response = client.post("/widgets", json={"name": "x"}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.json["error"]["code"] == "forbidden"


def test_bad_input_is_422_with_field_errors_and_writes_nothing(client, auth):
    response = client.post("/widgets", json={"name": ""}, headers=auth)
    assert response.status_code == 422
    assert response.json["error"]["code"] == "validation_error"
    assert "name" in response.json["error"]["fields"]
    assert client.get("/widgets", headers=auth).json["items"] == []


def test_unknown_fields_are_refused(client, auth):
    response = client.post("/widgets", json={"name": "a", "colour": "red"}, headers=auth)
    assert response.status_code == 422
    assert "colour" in response.json["error"]["fields"]


def test_numbers_are_per_account_sequences(client, auth, other_auth):
    first = client.post("/widgets", json={"name": "a"}, headers=auth).json["number"]
    second = client.post("/widgets", json={"name": "b"}, headers=auth).json["number"]
    elsewhere = client.post("/widgets", json={"name": "c"}, headers=other_auth).json["number"]
    assert (first, second, elsewhere) == ("W-1001", "W-1002", "W-1001")


def test_another_account_gets_404(client, auth, other_auth):
    widget = client.post("/widgets", json={"name": "mine"}, headers=auth).json
    assert client.get(f"/widgets/{widget['id']}", headers=auth).status_code == 200
    response = client.get(f"/widgets/{widget['id']}", headers=other_auth)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"
    assert client.get("/widgets", headers=other_auth).json["items"] == []


def test_pages_walk_the_list_without_gaps_or_repeats(client, auth):
    names = {f"w{i}" for i in range(7)}
    for name in names:
        client.post("/widgets", json={"name": name}, headers=auth)
    seen, cursor = [], None
    while True:
        query = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get("/widgets", query_string=query, headers=auth).json
        seen += [w["name"] for w in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(names)
    assert len(seen) == len(names)


def test_a_bad_cursor_or_limit_is_422(client, auth):
    assert client.get("/widgets", query_string={"cursor": "%%%"}, headers=auth).json["error"]["fields"] == {
        "cursor": ["Not a valid cursor."]}
    response = client.get("/widgets", query_string={"limit": 1000}, headers=auth)
    assert response.status_code == 422 and "limit" in response.json["error"]["fields"]


def test_unknown_route_is_404_json(client, auth):
    response = client.get("/nothing-here", headers=auth)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_request_id_is_echoed_or_made(client, auth):
    assert client.get("/widgets", headers={**auth, "X-Request-Id": "abc-123"}).headers["X-Request-Id"] == "abc-123"
    assert len(client.get("/widgets", headers=auth).headers["X-Request-Id"]) == 32


def test_operations_endpoints_are_public(client):
    assert client.get("/healthz").json["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json["checks"]["database"]["ok"] is True
    assert b"http_requests_total" in client.get("/metrics").data
    assert "/widgets" in client.get("/openapi.json").json["paths"]


def test_an_unscoped_query_is_refused(app):
    database = app.extensions["fieldwork"].database
    with database.session() as session:
        try:
            session.scalars(select(Widget)).all()
        except UnscopedQuery:
            pass
        else:
            raise AssertionError("an unscoped query over account rows ran")


def test_a_scoped_session_cannot_write_into_another_account(app):
    database = app.extensions["fieldwork"].database
    session = database.session(account_id=uuid.uuid4())
    session.add(Widget(name="x", number="W-1", account_id=uuid.uuid4()))
    try:
        session.flush()
    except UnscopedQuery:
        pass
    else:
        raise AssertionError("a row of another account was written")
    finally:
        session.rollback()
        session.close()


def test_every_request_is_logged_once_as_json_with_its_request_id_and_service(client, auth):
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(JsonFormatter())  # formats as the line is written, inside the request
    logging.getLogger("fieldwork.access").addHandler(handler)
    try:
        client.get("/widgets", headers={**auth, "X-Request-Id": "trace-42"})
    finally:
        logging.getLogger("fieldwork.access").removeHandler(handler)
    [entry] = [json.loads(line) for line in written.getvalue().splitlines()]
    assert entry["request_id"] == "trace-42" and entry["service"] == "toy"
    assert (entry["method"], entry["route"], entry["status"]) == ("GET", "/widgets", 200)
    assert entry["duration_ms"] >= 0


def test_aggregates_over_account_rows_are_scoped_too(app):
    # select(func.count()).select_from(Model) names no entity in its columns; it must still be scoped
    database = app.extensions["fieldwork"].database
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    with database.transaction(account_id=theirs) as session:
        session.add_all([Widget(name="t1", number="W-1"), Widget(name="t2", number="W-2")])
    with database.transaction(account_id=mine) as session:
        session.add(Widget(name="m1", number="W-1"))
    with database.transaction(account_id=mine) as session:
        assert session.scalar(select(func.count()).select_from(Widget)) == 1
        assert session.scalar(select(func.count(Widget.id))) == 1
        assert session.scalar(select(func.max(Widget.name))) == "m1"
        assert session.scalar(select(func.count()).select_from(Widget).where(Widget.name != "")) == 1
    with database.session() as session:
        try:
            session.scalar(select(func.count()).select_from(Widget))
        except UnscopedQuery:
            pass
        else:
            raise AssertionError("an unscoped count over account rows ran")


def test_an_argument_schema_is_built_once_and_serves_every_request(client, auth):
    from chassis.api import Blueprint
    from chassis.pagination import PageArgs

    parser = Blueprint.ARGUMENTS_PARSER
    assert parser._get_schema(PageArgs, None) is parser._get_schema(PageArgs, None)
    # and a shared instance still answers each request with its own values and errors
    assert client.get("/widgets?limit=2", headers=auth).status_code == 200
    response = client.get("/widgets?limit=0", headers=auth)
    assert response.status_code == 422 and "limit" in response.get_json()["error"]["fields"]


def test_every_request_is_counted_and_timed_under_its_endpoint_method_and_status(app, client, auth):
    from prometheus_client import REGISTRY

    endpoint = app.url_map.bind("").match("/widgets")[0]

    def counted(status):
        return REGISTRY.get_sample_value("http_requests_total", {"service": "toy", "method": "GET",
                                                                 "endpoint": endpoint, "status": status}) or 0

    def timed():
        return REGISTRY.get_sample_value("http_request_seconds_count", {"service": "toy", "endpoint": endpoint}) or 0

    before = counted("200"), counted("401"), timed()
    for _ in range(2):
        assert client.get("/widgets", headers=auth).status_code == 200
    assert client.get("/widgets").status_code == 401
    assert (counted("200"), counted("401"), timed()) == (before[0] + 2, before[1] + 1, before[2] + 3)
