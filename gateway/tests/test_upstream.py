"""The service client and the fan-out against small real HTTP servers: the deadline, the breaker, the connections."""
from __future__ import annotations

import json
import socket
import time

import pytest

from chassis.service_calls.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker
from chassis.service_calls.client import ServiceClient, ServiceUnavailable
from chassis.testing.local_server import LocalServer, QuietHandler
from gateway.upstream.fanout import Failed, Fanout, Get


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class SlowHandler(QuietHandler):
    """Answers /sleep/<seconds> after sleeping that long; remembers every path it was asked for."""

    asked: list[str] = []

    def do_GET(self):
        type(self).asked.append(self.path)
        delay = float(self.path.rsplit("/", 1)[-1])
        time.sleep(delay)
        self.answer(200, {"slept": delay})


def _serve(handler) -> tuple[LocalServer, str]:
    server = LocalServer(handler)
    return server, server.url


@pytest.fixture
def slow_server():
    SlowHandler.asked = []
    server, url = _serve(SlowHandler)
    yield url
    server.stop()


def _wait_for(condition, seconds: float) -> bool:
    ends = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > ends:
            return False
        time.sleep(0.01)
    return True


def test_the_callers_own_call_keeps_the_deadline_too_and_no_call_at_all_answers_nothing(slow_server):
    breaker = CircuitBreaker("slow", failure_threshold=1, reset_seconds=60)
    client = ServiceClient("slow", slow_server, timeout_seconds=5, breaker=breaker)
    fanout = Fanout(2)
    started = time.monotonic()
    outcomes = fanout.gather({"pool": Get(client, "/sleep/0"), "own": Get(client, "/sleep/1.5")}, {}, 0.3)
    assert time.monotonic() - started < 0.5
    assert outcomes == {"pool": outcomes["pool"], "own": Failed("ReadTimeoutError")}
    assert outcomes["pool"].json() == {"slept": 0.0}
    assert breaker.state == OPEN
    assert fanout.gather({}, {}, 0.3) == {}
    fanout.shutdown()
    client.close()


def test_calls_through_one_breaker_run_in_parallel(slow_server):
    client = ServiceClient("slow", slow_server, timeout_seconds=2, breaker=CircuitBreaker("slow"))
    fanout = Fanout(16)
    started = time.monotonic()
    outcomes = fanout.gather({n: Get(client, "/sleep/0.3") for n in range(8)}, {}, 2)
    elapsed = time.monotonic() - started
    assert all(o.status == 200 for o in outcomes.values())
    assert elapsed < 0.3 * 3, "eight 0.3 s calls through one breaker must overlap, not queue"
    fanout.shutdown()
    client.close()


def test_the_deadline_is_kept_and_a_late_call_ends_by_then_and_counts_against_its_breaker(slow_server):
    breaker = CircuitBreaker("slow", failure_threshold=1, reset_seconds=60)
    client = ServiceClient("slow", slow_server, timeout_seconds=5, breaker=breaker)
    fanout = Fanout(4)
    started = time.monotonic()
    outcomes = fanout.gather({"fast": Get(client, "/sleep/0"), "slow": Get(client, "/sleep/1.5")}, {}, 0.3)
    assert time.monotonic() - started < 0.5
    assert outcomes["fast"].json() == {"slept": 0.0}
    # Its own timeout is what was left of the deadline, so it may run out a hair before the wait on it does.
    assert outcomes["slow"] in (Failed("deadline"), Failed("ReadTimeoutError"))
    # The late call was given no more than the deadline (not the client's 5 s, nor the service's 1.5 s): its thread
    # times out on its own right after, and that counts against the service's breaker.
    assert _wait_for(lambda: breaker.state == OPEN, 0.6), "the late call must end on its own soon after the deadline"
    fanout.shutdown()
    client.close()


def test_a_call_still_queued_at_the_deadline_is_never_sent(slow_server):
    client = ServiceClient("slow", slow_server, timeout_seconds=5, breaker=CircuitBreaker("slow"))
    fanout = Fanout(1)  # one thread: the second call waits behind the first (the last is the caller's own)
    outcomes = fanout.gather({"first": Get(client, "/sleep/0.6"), "queued": Get(client, "/sleep/0.01"),
                              "own": Get(client, "/sleep/0")}, {}, 0.2)
    assert outcomes["own"].json() == {"slept": 0.0}
    assert outcomes["queued"] == Failed("deadline")
    assert outcomes["first"] in (Failed("deadline"), Failed("ReadTimeoutError"))  # its timeout: the deadline's rest
    time.sleep(0.8)
    assert sorted(SlowHandler.asked) == ["/sleep/0", "/sleep/0.6"], \
        "a call given up before it started must not reach the service"
    assert client.breaker.state == CLOSED
    fanout.shutdown()
    client.close()


def test_a_timed_out_call_counts_against_its_breaker(slow_server):
    breaker = CircuitBreaker("slow", failure_threshold=1, reset_seconds=60)
    client = ServiceClient("slow", slow_server, timeout_seconds=0.1, breaker=breaker)
    fanout = Fanout(2)
    first = fanout.gather({"a": Get(client, "/sleep/0.5")}, {}, 1)
    assert first["a"] == Failed("ReadTimeoutError")
    second = fanout.gather({"a": Get(client, "/sleep/0")}, {}, 1)
    assert second["a"].reason.startswith("slow is failing")
    fanout.shutdown()
    client.close()


def test_a_service_that_refuses_connections_fails_at_once_without_holding_up_the_others(slow_server):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        refused_port = closed.getsockname()[1]  # bound, never listening: connecting is refused
        gone = ServiceClient("gone", f"http://127.0.0.1:{refused_port}", timeout_seconds=2,
                             breaker=CircuitBreaker("gone", failure_threshold=1, reset_seconds=60))
        slow = ServiceClient("slow", slow_server, timeout_seconds=2, breaker=CircuitBreaker("slow"))
        fanout = Fanout(2)
        outcomes = fanout.gather({"gone": Get(gone, "/x"), "slow": Get(slow, "/sleep/0.2")}, {}, 1)
    assert outcomes["gone"] == Failed("NewConnectionError")
    assert outcomes["slow"].json() == {"slept": 0.2}
    assert gone.breaker.state == OPEN
    fanout.shutdown()


def _half_open(slow_server) -> tuple[Clock, CircuitBreaker, ServiceClient]:
    """A client whose breaker opened on one failure and is now half-open: its next call is the one trial."""
    clock = Clock()
    breaker = CircuitBreaker("slow", failure_threshold=1, reset_seconds=2, clock=clock)
    client = ServiceClient("slow", slow_server, timeout_seconds=1, breaker=breaker)
    breaker.before_call()
    breaker.record_failure()
    clock.now = 3
    return clock, breaker, client


@pytest.mark.parametrize("method", ["get", "request"])
def test_a_call_that_fails_on_our_side_ends_a_half_open_trial_without_counting(slow_server, method):
    clock, breaker, client = _half_open(slow_server)
    call = client.get if method == "get" else (lambda path, headers: client.request("GET", path, headers=headers))
    with pytest.raises(ValueError):
        call("/sleep/0", headers={"X-Bad": "line\nbreak"})
    # Our request could not be sent: that says nothing about the service, but the trial is over (not stuck
    # half-open with a trial that never ends), so the next call is the trial.
    assert breaker.state == HALF_OPEN
    assert call("/sleep/0", headers={}).status == 200
    assert breaker.state == CLOSED
    for _ in range(breaker.failure_threshold + 2):
        with pytest.raises(ValueError):
            call("/sleep/0", headers={"X-Bad": "line\nbreak"})
    assert breaker.state == CLOSED, "requests of ours that cannot be sent never open the breaker"


def test_calls_failing_on_our_side_in_a_fan_out_are_failed_outcomes_and_end_a_half_open_trial(slow_server):
    _, breaker, client = _half_open(slow_server)
    fanout = Fanout(2)
    outcomes = fanout.gather({"a": Get(client, "/sleep/0"), "b": Get(client, "/sleep/0")}, {"X-Bad": "a\nb"}, 1)
    # outcomes, not an exception out of the page; each ended its trial, so the second was let through
    assert outcomes == {"a": Failed("ValueError"), "b": Failed("ValueError")}
    assert breaker.state == HALF_OPEN
    assert fanout.gather({"c": Get(client, "/sleep/0")}, {}, 1)["c"].status == 200
    assert breaker.state == CLOSED
    fanout.shutdown()
    client.close()


class FramingHandler(QuietHandler):
    """HTTP/1.1 keep-alive answers framed each way a service may frame them; counts the connections it accepts."""

    connections = 0

    def setup(self):
        type(self).connections += 1
        super().setup()

    def do_GET(self):
        body = b'{"framed": "%s"}' % self.path.strip("/").encode()
        if self.path != "/chunked":
            self.answer(200, body=body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for part in (body[:5], body[5:]):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        self.wfile.write(b"0\r\n\r\n")


def test_service_reads_reuse_one_connection_whatever_the_framing():
    server, url = _serve(FramingHandler)
    client = ServiceClient("framed", url, timeout_seconds=2, breaker=CircuitBreaker("framed"))
    try:
        replies = [client.get(path, headers={"Accept": "application/json"})
                   for path in ("/length", "/chunked", "/length", "/chunked")]
        assert [r.json() for r in replies] == [{"framed": "length"}, {"framed": "chunked"}] * 2
        assert replies[0].headers["content-type"] == "application/json"
        assert FramingHandler.connections == 1, "keep-alive answers must leave the connection reusable"
    finally:
        client.close()
        server.stop()


class ClosingHandler(QuietHandler):
    """Answers that end where the server closes the connection: whole without a length, or cut short of one."""

    def do_GET(self):
        body = b'{"framed": "by close"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if self.path == "/cut":
            self.send_header("Content-Length", str(len(body) + 10))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


def test_an_answer_ended_by_closing_is_read_whole_and_one_cut_short_counts_as_a_failure():
    server, url = _serve(ClosingHandler)
    breaker = CircuitBreaker("closing", failure_threshold=1, reset_seconds=60)
    client = ServiceClient("closing", url, timeout_seconds=2, breaker=breaker)
    try:
        assert client.get("/whole", headers={}).json() == {"framed": "by close"}
        with pytest.raises(ServiceUnavailable) as cut:
            client.get("/cut", headers={})
        assert cut.value.reason == "ProtocolError"
        assert breaker.state == OPEN
    finally:
        client.close()
        server.stop()


class EchoHandler(QuietHandler):
    """Sets a cookie on every answer and answers with the request headers it was sent."""

    def do_GET(self):
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.answer(302 if self.path == "/moved" else 200, headers,
                    headers={"Location": "/", "Set-Cookie": "session=for-whoever-called-first; Path=/"})


def test_only_what_the_caller_passes_on_goes_out_no_cookie_is_kept_and_no_redirect_followed():
    server, url = _serve(EchoHandler)
    client = ServiceClient("echo", url, timeout_seconds=2, breaker=CircuitBreaker("echo"))
    try:
        first = client.get("/", headers={"Authorization": "Bearer one", "X-Request-Id": "rid-1"})
        sent = client.get("/", headers={"Authorization": "Bearer two", "X-Request-Id": "rid-2"}).json()
        moved = client.get("/moved", headers={})
    finally:
        client.close()
        server.stop()
    assert first.headers["set-cookie"].startswith("session=")
    assert "cookie" not in sent, "one pool serves every account: a cookie set for one caller never goes out again"
    assert (sent["authorization"], sent["x-request-id"]) == ("Bearer two", "rid-2")
    assert sent["accept-encoding"] == "identity", "no compression asked for: proxied bodies pass on as they came"
    assert "accept" not in sent, "no Accept is added to what the caller chose"
    assert moved.status == 302, "a redirect is the service's answer, passed on, never followed"


def test_what_a_call_on_a_pool_thread_logs_carries_the_request_id(slow_server):
    import io
    import logging

    from chassis import logs

    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(logs.JsonFormatter())
    connections = logging.getLogger("urllib3.connectionpool")  # logs each connection it opens, at DEBUG
    connections.addHandler(handler)
    level = connections.level
    connections.setLevel(logging.DEBUG)
    clients = [ServiceClient(f"s{n}", slow_server, timeout_seconds=2, breaker=CircuitBreaker(f"s{n}"))
               for n in range(3)]
    fanout = Fanout(4)
    token = logs.bind_request_id("rid-fanout-1")
    try:
        outcomes = fanout.gather({n: Get(client, "/sleep/0") for n, client in enumerate(clients)}, {}, 2)
    finally:
        logs.reset_request_id(token)
        connections.removeHandler(handler)
        connections.setLevel(level)
        fanout.shutdown()
    assert all(outcome.status == 200 for outcome in outcomes.values())
    lines = [json.loads(line) for line in written.getvalue().splitlines()]
    opened = [line for line in lines if line["message"].startswith("Starting new HTTP connection")]
    assert len(opened) == 3, lines  # one per client: two on pool threads, one on this thread
    assert {line["request_id"] for line in opened} == {"rid-fanout-1"}
