"""Calls between our services: one client per service in a process, and the request id travels with every call."""
import uuid

import pytest

from chassis import logs
from chassis.references import RecordsApi
from chassis.service_calls.services import headers_for, other_service
from chassis.testing.local_server import QuietHandler, serving


class _Echo(QuietHandler):
    """Answers every GET with the headers it was sent, as a service's access log would see them."""

    def do_GET(self):  # noqa: N802 -- http.server's name
        self.answer(200, {"id": self.path.rsplit("/", 1)[-1], "request_id": self.headers.get("X-Request-Id"),
                          "authorization": self.headers.get("Authorization")})


@pytest.fixture
def echo_url():
    with serving(_Echo) as server:
        yield server.url


def test_the_request_being_served_names_every_call_it_makes(echo_url):
    token = logs.bind_request_id("trace-7")
    try:
        answer = other_service("jobs", echo_url, timeout_seconds=2).get("/jobs/1", headers=headers_for("t0k"))
    finally:
        logs.reset_request_id(token)
    assert answer.json()["request_id"] == "trace-7"
    assert answer.json()["authorization"] == "Bearer t0k"


def test_a_request_id_the_caller_gives_is_kept(echo_url):
    token = logs.bind_request_id("trace-7")
    try:
        answer = other_service("jobs", echo_url, timeout_seconds=2).get(
            "/jobs/1", headers={"X-Request-Id": "fan-out-9"})
    finally:
        logs.reset_request_id(token)
    assert answer.json()["request_id"] == "fan-out-9"


def test_every_part_of_a_process_shares_one_client_and_breaker_per_service(echo_url):
    customers = other_service("customers", echo_url, timeout_seconds=2)
    relations = RecordsApi("customers", "/customers/{id}/relations", echo_url)
    assert relations._client is customers
    assert other_service("customers", f"{echo_url}/", timeout_seconds=5).breaker is customers.breaker


def test_the_service_layer_asks_as_the_caller_it_was_handed(echo_url):
    record_id = uuid.uuid4()
    asked = RecordsApi("comms", "/communications/{id}", echo_url).as_caller("caller-token").fetch(record_id)
    assert asked["id"] == str(record_id) and asked["authorization"] == "Bearer caller-token"
