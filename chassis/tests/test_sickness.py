"""What a service's breaker counts: only what says the service is sick, never what one caller's request caused."""
from __future__ import annotations

import pytest
import urllib3

from chassis.service_calls import sickness
from chassis.service_calls.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker
from chassis.service_calls.client import ServiceClient
from chassis.service_calls.sickness import Verdict
from chassis.testing.local_server import LocalServer, QuietHandler

HEALTHY_ANSWERS = (200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429)


@pytest.mark.parametrize("status", HEALTHY_ANSWERS)
def test_any_answer_below_500_says_the_service_is_up(status):
    assert sickness.of_answer(status) is Verdict.HEALTHY


@pytest.mark.parametrize("status", [500, 501, 505])
def test_a_500_says_nothing_about_the_service(status):
    # one caller's input can make it (a value the service failed to refuse): it must not count for every account
    assert sickness.of_answer(status) is Verdict.NONE


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_service_saying_it_is_unavailable_is_sick(status):
    assert sickness.of_answer(status) is Verdict.SICK


@pytest.mark.parametrize("error", [
    urllib3.exceptions.NewConnectionError(None, "refused"), urllib3.exceptions.NameResolutionError("x", None, None),
    urllib3.exceptions.ConnectTimeoutError(), urllib3.exceptions.ReadTimeoutError(None, "/", "timed out"),
    urllib3.exceptions.ProtocolError("connection reset"),
], ids=repr)
def test_not_reaching_the_service_or_not_in_time_is_sick(error):
    assert sickness.of_error(error) is Verdict.SICK


@pytest.mark.parametrize("error", [ValueError("Invalid header"), UnicodeEncodeError("latin-1", "é", 0, 1, "x"),
                                   urllib3.exceptions.LocationValueError("bad url")], ids=repr)
def test_a_request_of_ours_that_cannot_be_sent_says_nothing_about_the_service(error):
    assert sickness.of_error(error) is Verdict.NONE


class StatusHandler(QuietHandler):
    """Answers the status its path names: /status/503."""

    def _answer(self):
        self.read_body()  # the connection is kept for the next call
        self.answer(int(self.path.rsplit("/", 1)[-1]), {"error": {"code": "x", "message": "x"}})

    do_GET = do_POST = _answer


@pytest.fixture
def answering():
    server = LocalServer(StatusHandler)
    clients = []

    def client(threshold: int = 3, clock=None) -> ServiceClient:
        breaker = CircuitBreaker("svc", failure_threshold=threshold, reset_seconds=60,
                                 **({"clock": clock} if clock else {}))
        made = ServiceClient("svc", server.url, timeout_seconds=2,
                             breaker=breaker)
        clients.append(made)
        return made

    yield client
    for made in clients:
        made.close()
    server.stop()


def _call(client: ServiceClient, how: str, status: int) -> int:
    if how == "get":  # the workspace's and timeline's reads
        return client.get(f"/status/{status}", headers={}).status
    return client.request("POST", f"/status/{status}", headers={}, body=b"{}").status  # the proxied resource API


@pytest.mark.parametrize("how", ["get", "request"])
@pytest.mark.parametrize("status", [400, 404, 415, 422, 500])
def test_answers_to_one_callers_bad_input_never_open_the_breaker(answering, how, status):
    client = answering(threshold=3)
    for _ in range(10):
        assert _call(client, how, status) == status
    assert client.breaker.state == CLOSED


@pytest.mark.parametrize("how", ["get", "request"])
def test_502_503_504_open_the_breaker_and_a_500_between_them_neither_counts_nor_resets(answering, how):
    client = answering(threshold=3)
    for status in (503, 502, 500, 500):
        _call(client, how, status)
    assert client.breaker.state == CLOSED
    _call(client, how, 504)
    assert client.breaker.state == OPEN


def test_an_answer_below_500_resets_the_count(answering):
    client = answering(threshold=3)
    for status in (503, 503, 404, 503, 503):
        _call(client, "get", status)
    assert client.breaker.state == CLOSED


def test_a_half_open_trial_answered_500_ends_without_closing_or_opening(answering):
    now = [0.0]
    client = answering(threshold=1, clock=lambda: now[0])
    _call(client, "get", 503)
    assert client.breaker.state == OPEN
    now[0] = 61
    assert _call(client, "get", 500) == 500
    assert client.breaker.state == HALF_OPEN  # still a trial to make, and the next call makes it
    assert _call(client, "get", 200) == 200
    assert client.breaker.state == CLOSED
