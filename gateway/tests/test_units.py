"""The breaker, the deadline fan-out, the raw JSON splice and the timeline merge, in isolation."""
from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chassis.pagination import decode_cursor
from chassis.wire_json import Fragment, dumps
from gateway.composition.timeline import SourcePage, merge
from gateway.upstream.breaker import CLOSED, HALF_OPEN, OPEN, BreakerOpen, CircuitBreaker
from gateway.upstream.client import ServiceClient, ServiceUnavailable
from gateway.upstream.fanout import Failed, Fanout, Get
from gateway.upstream.keepalive import Exchange, KeepAliveGets, drive


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_breaker_opens_after_consecutive_failures_and_lets_one_trial_through():
    clock = Clock()
    breaker = CircuitBreaker("billing", failure_threshold=3, reset_seconds=2, clock=clock)
    for _ in range(2):
        breaker.before_call()
        breaker.record_failure()
    breaker.before_call()
    breaker.record_success()  # a success in between resets the count
    for _ in range(3):
        breaker.before_call()
        breaker.record_failure()
    assert breaker.state == OPEN
    with pytest.raises(BreakerOpen):
        breaker.before_call()
    clock.now = 2.5
    assert breaker.state == HALF_OPEN
    breaker.before_call()                 # the trial
    with pytest.raises(BreakerOpen):
        breaker.before_call()             # only one at a time
    breaker.record_failure()              # a failed trial opens again at once
    assert breaker.state == OPEN
    clock.now = 5
    breaker.before_call()
    breaker.record_success()
    assert breaker.state == CLOSED


class SlowHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        delay = float(self.path.rsplit("/", 1)[-1])
        time.sleep(delay)
        body = json.dumps({"slept": delay}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    # Eight connections opened in the same instant overflow socketserver's default backlog of 5, and the kernel
    # then drops SYNs that are retried a second later (gunicorn listens with a backlog of 2048).
    request_queue_size = 64

    def handle_error(self, request, client_address):
        pass  # a client that timed out closed its end: expected here


@pytest.fixture
def slow_server():
    server = QuietServer(("127.0.0.1", 0), SlowHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_calls_through_one_breaker_run_in_parallel(slow_server):
    client = ServiceClient("slow", slow_server, timeout_seconds=2, breaker=CircuitBreaker("slow"))
    fanout = Fanout(16)
    started = time.monotonic()
    outcomes = fanout.gather({n: Get(client, "/sleep/0.3") for n in range(8)}, {}, 2)
    elapsed = time.monotonic() - started
    assert all(o.status == 200 for o in outcomes.values())
    assert elapsed < 0.3 * 3, "eight 0.3 s calls through one breaker must overlap, not queue"
    assert not [t for t in threading.enumerate() if t.name.startswith("fanout")], \
        "plain-HTTP GETs are read together on the caller's thread, not handed to the pool"
    fanout.shutdown()
    client.close()


@pytest.mark.parametrize("multiplexed", [True, False], ids=["poll", "urllib3 threads"])
def test_the_deadline_is_kept_whichever_way_a_service_is_read(slow_server, multiplexed):
    breaker = CircuitBreaker("slow", failure_threshold=1, reset_seconds=60)
    client = ServiceClient("slow", slow_server, timeout_seconds=5, breaker=breaker)
    if not multiplexed:
        client._gets = None  # as for a service reached over https: its GETs go through urllib3, a thread each
    assert client.multiplexes is multiplexed
    fanout = Fanout(4)
    started = time.monotonic()
    outcomes = fanout.gather({"fast": Get(client, "/sleep/0"), "slow": Get(client, "/sleep/1.5")}, {}, 0.3)
    assert time.monotonic() - started < 0.5
    assert outcomes["fast"].json() == {"slept": 0.0}
    assert outcomes["slow"] == Failed("deadline")
    # A read given up at the deadline counts against its breaker at once; one on a thread only when it times out.
    assert breaker.state == (OPEN if multiplexed else CLOSED)
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


def test_a_host_answering_on_its_second_address_is_reached(slow_server):
    port = int(slow_server.rsplit(":", 1)[1])
    gets = KeepAliveGets("localhost", port, 4)
    addresses = [info[4] for info in socket.getaddrinfo("127.0.0.1", port, type=socket.SOCK_STREAM)]
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead = ("127.0.0.1", closed.getsockname()[1])
        exchange = Exchange(gets, None, b"GET /sleep/0 HTTP/1.1\r\nHost: x\r\n\r\n", time.monotonic() + 2,
                            addresses=[dead, *addresses])
        drive([exchange])
    status, body, _ = exchange.answer()
    assert (status, json.loads(body)) == (200, {"slept": 0.0})
    gets.close()


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
    # outcomes, as on a thread, not an exception out of the page; each ended its trial, so the second was let through
    assert outcomes == {"a": Failed("ValueError"), "b": Failed("ValueError")}
    assert breaker.state == HALF_OPEN
    assert fanout.gather({"c": Get(client, "/sleep/0")}, {}, 1)["c"].status == 200
    assert breaker.state == CLOSED
    fanout.shutdown()
    client.close()


class FramingHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive answers framed each way a service may frame them; counts the connections it accepts."""

    protocol_version = "HTTP/1.1"
    connections = 0

    def setup(self):
        type(self).connections += 1
        super().setup()

    def do_GET(self):
        body = b'{"framed": "%s"}' % self.path.strip("/").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if self.path == "/chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (body[:5], body[5:]):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *_args):
        pass


def test_service_reads_reuse_one_connection_whatever_the_framing():
    server = QuietServer(("127.0.0.1", 0), FramingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = ServiceClient("framed", f"http://127.0.0.1:{server.server_address[1]}", timeout_seconds=2,
                           breaker=CircuitBreaker("framed"))
    try:
        replies = [client.get(path, headers={"Accept": "application/json"})
                   for path in ("/length", "/chunked", "/length", "/chunked")]
        assert [r.json() for r in replies] == [{"framed": "length"}, {"framed": "chunked"}] * 2
        assert replies[0].headers["content-type"] == "application/json"
        assert FramingHandler.connections == 1, "keep-alive answers must leave the connection reusable"
    finally:
        client.close()
        server.shutdown()


class ClosingHandler(BaseHTTPRequestHandler):
    """Answers that end where the server closes the connection: whole without a length, or cut short of one."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b'{"framed": "by close"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if self.path == "/cut":
            self.send_header("Content-Length", str(len(body) + 10))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, *_args):
        pass


def test_an_answer_ended_by_closing_is_read_whole_and_one_cut_short_counts_as_a_failure():
    server = QuietServer(("127.0.0.1", 0), ClosingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    breaker = CircuitBreaker("closing", failure_threshold=1, reset_seconds=60)
    client = ServiceClient("closing", f"http://127.0.0.1:{server.server_address[1]}", timeout_seconds=2,
                           breaker=breaker)
    try:
        assert client.get("/whole", headers={}).json() == {"framed": "by close"}
        with pytest.raises(ServiceUnavailable) as cut:
            client.get("/cut", headers={})
        assert cut.value.reason == "ProtocolError"
        assert breaker.state == OPEN
    finally:
        client.close()
        server.shutdown()


def test_a_service_reply_is_spliced_in_verbatim():
    text = dumps({"a": Fragment(b'{"x": [1, 2]}'), "b": "\x00tricky\x00", "c": [Fragment("null")]})
    assert json.loads(text) == {"a": {"x": [1, 2]}, "b": "\x00tricky\x00", "c": [None]}


def _item(minute: int, ident: uuid.UUID) -> dict:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=minute)
    return {"id": str(ident), "occurred_at": at.isoformat(), "kind": "note", "title": "t"}


def test_merge_serves_the_newest_and_points_the_cursor_at_the_last_served():
    ids = sorted((uuid.uuid4() for _ in range(4)), reverse=True)
    jobs = SourcePage([_item(10, ids[0]), _item(5, ids[1])], next_cursor="more")
    notes = SourcePage([_item(10, ids[2]), _item(1, ids[3])], next_cursor=None)
    page = merge({"jobs": jobs, "customers": notes, "billing": None}, limit=3)
    assert [i["id"] for i in page.items] == [str(ids[0]), str(ids[2]), str(ids[1])]
    when, ident = decode_cursor(page.next_cursor)
    assert (when.minute, ident) == (5, ids[1])
    assert page.unavailable == ["billing"]
    last = merge({"jobs": SourcePage([], None), "customers": SourcePage([_item(1, ids[3])], None)}, limit=3)
    assert last.next_cursor is None and len(last.items) == 1
