"""Benchmark: the customer workspace through the gateway, every service under gunicorn as in production.

Starts the five services and the gateway (`fieldwork-<svc> web`, gthread workers) on free ports
against scratch databases, loads a demo-sized customer through the gateway's API, then measures:
the workspace at 1 and 16 concurrent clients (and at 1 client with every service's stored parts forgotten
before each request, as for a customer nobody opened since its last change); the p50 of each service call it makes,
called alone (the workspace at 1 client should cost little more than the slowest of them, since
the calls run in parallel), and all of them at once straight from this process through the gateway's own fan-out (what
the box allows at best: the calls are CPU-bound, so on two cores the five at once take longer than the slowest alone);
and the workspace while the billing service is frozen (`kill -STOP`).
Prints a table, stops everything, drops the databases, and ends with one JSON line:
{"c1_p50_ms", "c1_p99_ms", "c16_p50_ms", "c16_p99_ms", "c16_rps", "slowest_call_p50_ms",
 "workspace_over_slowest", "deadline_ms", "frozen_p99_ms"}, plus "c1_cold_p50_ms", "c16_not_200", the sum of the
calls' p50s, the p50 of the calls all at once ("calls_at_once_p50_ms") over the slowest ("at_once_over_slowest"), and as
many 1 ms bursts in as many processes at once over one alone ("bursts_at_once_over_one": the least that ratio can be on
this box),
the CPU all processes spend per workspace (the box's two cores divided by it bound the requests per second) and the
load generator's own ("load_generator_cpu_ms").

    .venv/bin/python bench/workspace.py [--requests 400] [--seconds 10]
"""
from __future__ import annotations

import argparse
import resource
import datetime as dt
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "gateway" / "tests"))

import urllib3  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
# Before the packages below: it takes this folder off sys.path, as it does for the scripts named like a service.
from harness import BROKER_URL, JWT_SECRET, percentile, report, scratch_databases  # noqa: E402

from chassis.auth import mint_token  # noqa: E402
from chassis.service_calls.breaker import CircuitBreaker  # noqa: E402
from chassis.service_calls.client import ServiceClient  # noqa: E402
from gateway.composition.workspace import workspace_calls  # noqa: E402
from gateway.upstream.fanout import Fanout, Get  # noqa: E402
from stack import ServiceProcess, free_port, start_stack  # noqa: E402

DEADLINE_MS = 500
RUN = uuid.uuid4().hex[:8]


class Answer(NamedTuple):
    status: int
    data: bytes

    def json(self):
        return json.loads(self.data)


class Http:
    def __init__(self, base: str, token: str, connections: int = 32):
        self.base = base
        self.pool = urllib3.PoolManager(maxsize=connections, retries=False, timeout=10)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        # The load generator shares the two cores with what it measures, so its GETs go over the standard library's
        # http.client, a keep-alive connection per client thread, rather than urllib3: what it spends, the system
        # under test does not get. Writes (loading the demo customer) stay on urllib3.
        url = urllib3.util.parse_url(base)
        self._host, self._port = url.host, url.port
        self._connections = threading.local()

    def get(self, path: str, query: str = "") -> Answer:
        target = f"{path}?{query}" if query else path
        connection = getattr(self._connections, "open", None)
        if connection is not None:
            try:
                return self._get(connection, target)
            except (ConnectionError, http.client.RemoteDisconnected):
                pass  # the server closed the idle connection (gunicorn's keep-alive ran out): once more on a new one
        self._connections.open = http.client.HTTPConnection(self._host, self._port, timeout=10)
        return self._get(self._connections.open, target)

    def _get(self, connection: http.client.HTTPConnection, target: str) -> Answer:
        try:
            connection.request("GET", target, headers=self.headers)
            response = connection.getresponse()
            return Answer(response.status, response.read())
        except (OSError, http.client.HTTPException):
            connection.close()
            self._connections.open = None
            raise

    def post(self, path: str, body: dict) -> dict:
        response = self.pool.request("POST", f"{self.base}{path}", body=json.dumps(body), headers=self.headers)
        assert response.status in (200, 201), (path, response.status, response.data[:300])
        return response.json()


def load_demo_customer(http: Http) -> str:
    """A demo-sized customer: a property, notes, 30 jobs, 10 estimates, 20 invoices, 60 communications."""
    customer = http.post("/api/customers", {"display_name": "Dana Whitfield", "tags": ["vip"], "properties": [
        {"line1": "12 Oak St", "city": "Springfield", "region": "IL", "postal_code": "62701"}]})
    cid = customer["id"]
    for n in range(15):
        http.post(f"/api/customers/{cid}/notes", {"body": f"note {n}", "pinned": n < 2})
    for n in range(30):
        http.post("/api/jobs", {"customer_id": cid, "title": f"Job {n}"})
    for n in range(10):
        http.post("/api/estimates", {"customer_id": cid, "title": f"Estimate {n}"})
    for n in range(20):
        invoice = http.post("/api/invoices", {"customer_id": cid, "lines": [
            {"description": "Service call", "unit_price_cents": 10000 + n}]})
        http.post(f"/api/invoices/{invoice['id']}/send", {})
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=60)
    for n in range(60):
        http.post("/api/communications", {"customer_id": cid, "channel": "call", "direction": "inbound",
                                          "body": f"call {n}", "occurred_at": (start + dt.timedelta(hours=n)).isoformat()})
    return cid


ERRORS: list[int] = []  # statuses other than 200 (an overloaded box trips the breakers): counted, timed too


def timed(fn) -> float:
    started = time.perf_counter()
    response = fn()
    if response.status != 200:
        ERRORS.append(response.status)
    return (time.perf_counter() - started) * 1000


def sequential(fn, count: int) -> list[float]:
    return [timed(fn) for _ in range(count)]


def concurrent(fn, clients: int, seconds: float) -> tuple[list[float], float]:
    samples: list[float] = []
    lock = threading.Lock()
    ends = time.monotonic() + seconds

    def client():
        mine = []
        while time.monotonic() < ends:
            mine.append(timed(fn))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, len(samples) / (time.monotonic() - started)


class StoredParts:
    """Forgets every service's stored workspace parts (chassis.db.part_store), so the next workspace computes them."""

    def __init__(self, database_url, services):
        self.engines = [create_engine(database_url(name), isolation_level="AUTOCOMMIT") for name in services]

    def forget(self) -> None:
        for engine in self.engines:
            with engine.connect() as connection:
                if connection.scalar(text("SELECT to_regclass('stored_parts') IS NOT NULL")):
                    connection.execute(text("DELETE FROM stored_parts"))

    def close(self) -> None:
        for engine in self.engines:
            engine.dispose()


def cold(fn, count: int, stored: StoredParts) -> list[float]:
    samples = []
    for _ in range(count):
        stored.forget()
        samples.append(timed(fn))
    return samples


def calls_at_once(stack, calls, headers: dict[str, str], count: int) -> list[float]:
    """The workspace's service calls sent all at once through the gateway's fan-out, straight from this process: the
    floor for a workspace's time on this box, before the gateway's own request and composition."""
    clients = {name: ServiceClient(name, stack[name].url, timeout_seconds=10, breaker=CircuitBreaker(name))
               for name in {call.service for call in calls.values()}}
    gets = {key: Get(clients[call.service], call.path, call.query()) for key, call in calls.items()}
    fanout = Fanout(len(gets))
    samples = []
    try:
        for _ in range(count):
            started = time.perf_counter()
            outcomes = fanout.gather(gets, headers, 10)
            samples.append((time.perf_counter() - started) * 1000)
            assert all(getattr(outcome, "status", None) == 200 for outcome in outcomes.values()), outcomes
    finally:
        fanout.shutdown()
    return samples


# A server that spends 1 ms of CPU on each GET and nothing else worth counting: as many of them as the workspace makes
# calls, called at once, take what this box allows at best for millisecond bursts in that many processes, over one
# alone (on two cores, half their number at least).
_BURST_SERVER = """
import socket, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer
class Burst(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    def do_GET(self):
        started = time.process_time()
        while time.process_time() - started < 0.001:
            pass
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
HTTPServer.allow_reuse_address = True
HTTPServer(("127.0.0.1", int(sys.argv[1])), Burst).serve_forever()
"""


def bursts_at_once(processes: int, count: int) -> tuple[float, float]:
    """The p50 of one 1 ms burst server called alone, and of ``processes`` of them called at once."""
    ports = [free_port() for _ in range(processes)]
    servers = [subprocess.Popen([sys.executable, "-c", _BURST_SERVER, str(port)]) for port in ports]
    fanout = Fanout(processes)
    try:
        gets = {port: Get(ServiceClient(str(port), f"http://127.0.0.1:{port}", timeout_seconds=10,
                                        breaker=CircuitBreaker(str(port))), "/") for port in ports}
        deadline = time.monotonic() + 10
        while not all(getattr(o, "status", None) == 200 for o in fanout.gather(gets, {}, 1).values()):
            assert time.monotonic() < deadline, "the burst servers did not start"
            time.sleep(0.05)

        def timed_gather(chosen) -> float:
            started = time.perf_counter()
            fanout.gather(chosen, {}, 10)
            return (time.perf_counter() - started) * 1000
        alone = statistics.median(timed_gather({ports[0]: gets[ports[0]]}) for _ in range(count))
        together = statistics.median(timed_gather(gets) for _ in range(count))
    finally:
        fanout.shutdown()
        for server in servers:
            server.kill()
            server.wait()
    return alone, together


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(args, database_url) -> dict:
    """Starts the stack on the given databases, measures, stops everything and returns the figures."""
    log_dir = Path(tempfile.mkdtemp(prefix="fwbench-"))
    stack = start_stack(database_url, BROKER_URL, f"fwbench.{RUN}.events", f"fwbench.{RUN}", JWT_SECRET, log_dir,
                        web_concurrency=2, events=True)
    gateway = ServiceProcess("gateway", "web", {}, port=free_port(), log_dir=log_dir)
    gateway.env.update({**stack["customers"].env, "PORT": str(gateway.port)},
                       FIELDWORK_GATEWAY_DEADLINE_MS=str(DEADLINE_MS), WEB_CONCURRENCY="2")
    gateway.env.pop("FIELDWORK_CUSTOMERS_DATABASE_URL", None)
    try:
        gateway.start().wait_ready(60)
        account = uuid.uuid4()
        token = mint_token(JWT_SECRET, sub="bench", account_id=account, ttl_seconds=3600)
        http = Http(gateway.url, token)
        print(f"services running: {sorted(stack.running)}; loading a demo customer…", file=sys.stderr)
        cid = load_demo_customer(http)
        path = f"/api/customers/{cid}/workspace"
        for _ in range(30):  # warm every worker's pools
            timed(lambda: http.get(path))

        c1 = sequential(lambda: http.get(path), args.requests)
        stored = StoredParts(database_url, stack.running)
        try:
            c1_cold = cold(lambda: http.get(path), args.requests // 2, stored)
        finally:
            stored.close()
        c1_errors = len(ERRORS)
        everyone = {**stack.processes, "gateway": gateway}
        cpu_before = {name: process.cpu_seconds() for name, process in everyone.items()}
        own_before = _own_cpu_seconds()
        c16, rps = concurrent(lambda: http.get(path), 16, args.seconds)
        load_generator_ms = (_own_cpu_seconds() - own_before) * 1000 / len(c16)
        # Where the box's two cores go: CPU per workspace served, per process group (the load generator aside).
        cpu_ms = {name: (process.cpu_seconds() - cpu_before[name]) * 1000 / len(c16)
                  for name, process in everyone.items()}
        c16_errors = len(ERRORS) - c1_errors

        direct = {name: Http(process.url, token) for name, process in stack.processes.items()}
        call_p50 = {}
        calls = {key: call for key, call in workspace_calls(uuid.UUID(cid), {
            "customers:view", "jobs:view", "billing:view", "comms:view", "insights:view"}).items()
            if call.service in stack.running}
        for call in calls.values():
            fn = (lambda c=call: direct[c.service].get(c.path, c.query()))
            ok = fn().status == 200
            call_p50[f"{call.service} {call.path.split(cid)[-1] or '/'}"] = (
                statistics.median(sequential(fn, args.requests // 2)) if ok else float("nan"))
        slowest = max(v for v in call_p50.values() if v == v)
        calls_sum = sum(v for v in call_p50.values() if v == v)
        at_once = statistics.median(calls_at_once(stack, calls, http.headers, args.requests // 2))
        burst_alone, bursts = bursts_at_once(len(calls), args.requests // 2)

        doc = http.get(path).json()
        sections = {k: v.get("status") for k, v in doc.items() if isinstance(v, dict) and "status" in v}
        with stack["billing"].frozen():
            frozen = sequential(lambda: http.get(path), args.requests // 2)

        print(f"\nworkspace of a demo customer, sections: {sections}")
        print(f"{'measure':<44}{'p50 ms':>10}{'p99 ms':>10}")
        print(f"{'workspace, 1 client':<44}{statistics.median(c1):>10.1f}{percentile(c1, .99):>10.1f}"
              f"   {c1_errors} not 200")
        print(f"{'workspace, 1 client, parts not stored':<44}{statistics.median(c1_cold):>10.1f}"
              f"{percentile(c1_cold, .99):>10.1f}")
        print(f"{'workspace, 16 clients':<44}{statistics.median(c16):>10.1f}{percentile(c16, .99):>10.1f}"
              f"   {rps:.0f} req/s, {c16_errors} not 200 {dict(Counter(ERRORS[c1_errors:])) or ''}")
        print(f"{'workspace, billing frozen (kill -STOP)':<44}{statistics.median(frozen):>10.1f}"
              f"{percentile(frozen, .99):>10.1f}   deadline {DEADLINE_MS} ms")
        for name, p50 in sorted(call_p50.items(), key=lambda kv: -kv[1]):
            print(f"{'  call ' + name:<44}{p50:>10.1f}")
        print(f"{'  the calls one after another (sum)':<44}{calls_sum:>10.1f}")
        print(f"{'  the calls all at once, straight':<44}{at_once:>10.1f}   {at_once / slowest:.2f}× the slowest")
        print(f"{'  this box: a 1 ms burst in one process':<44}{burst_alone:>10.1f}")
        at_most = f"  this box: {len(calls)} such bursts at once"
        print(f"{at_most:<44}{bursts:>10.1f}   {bursts / burst_alone:.2f}× one: the least the calls at once can be "
              f"over the slowest here")
        print(f"\n{'CPU per workspace at 16 clients':<44}{'ms':>10}")
        for name, ms in sorted(cpu_ms.items(), key=lambda kv: -kv[1]):
            print(f"{'  ' + name:<44}{ms:>10.1f}")
        print(f"{'  all services and the gateway':<44}{sum(cpu_ms.values()):>10.1f}")
        print(f"{'  the load generator (this process)':<44}{load_generator_ms:>10.1f}")
        result = {
            "c1_p50_ms": round(statistics.median(c1), 2), "c1_p99_ms": round(percentile(c1, .99), 2),
            "c1_cold_p50_ms": round(statistics.median(c1_cold), 2),
            "c16_p50_ms": round(statistics.median(c16), 2), "c16_p99_ms": round(percentile(c16, .99), 2),
            "c16_rps": round(rps, 1), "slowest_call_p50_ms": round(slowest, 2),
            "workspace_over_slowest": round(statistics.median(c1) / slowest, 2), "deadline_ms": DEADLINE_MS,
            "frozen_p99_ms": round(percentile(frozen, .99), 2), "c16_not_200": c16_errors,
            "calls_sum_p50_ms": round(calls_sum, 2), "calls_at_once_p50_ms": round(at_once, 2),
            "at_once_over_slowest": round(at_once / slowest, 2),
            "bursts_at_once_over_one": round(bursts / burst_alone, 2),
            "cpu_ms_per_workspace": round(sum(cpu_ms.values()), 1),
            "load_generator_cpu_ms": round(load_generator_ms, 2),
        }
    finally:
        gateway.stop()
        stack.stop_all()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    with scratch_databases("workspace") as database_url:  # dropped once every process has stopped
        result = run(args, database_url)
    report(result)


if __name__ == "__main__":
    main()
