"""Benchmark: how fast the relay drains an outbox backlog, and the commit-to-applied lag under a steady load.

Runs the real relay and consumer processes (the messaging tests' ledger toy: a "customers"
producer and a "ledger" consumer) on scratch databases and run-unique exchange and queues,
against the local PostgreSQL and RabbitMQ, and removes all of it afterwards.

1. Drain: with the relay idle, 10,000 events are committed in one transaction; the drain time
   runs from that commit to the moment the last row was marked sent (after its confirm).
2. Lag: with relay and consumer running, events are committed one per transaction at 200 per
   second for 30 seconds; lag = the consumer handler's clock at apply - the writer's clock after commit.

Ends with one JSON line: {"events", "drain_events_per_s", "lag_p50_ms", "lag_p99_ms"}.
Usage: .venv/bin/python bench/events.py [--drain 10000] [--rate 200] [--seconds 30]
"""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOY_DIR = ROOT / "chassis" / "tests" / "messaging"
sys.path.insert(0, str(TOY_DIR))

import pika  # noqa: E402
from ledger_toy import CONSUMER, PRODUCER, status_change  # noqa: E402
from harness import BROKER_URL, JWT_SECRET, percentile, report, scratch_databases  # noqa: E402
from sqlalchemy import text  # noqa: E402

from chassis.messaging import emit  # noqa: E402
from chassis.messaging.options import MessagingOptions  # noqa: E402
from chassis.messaging.topology import declare_consumer_queues  # noqa: E402
from chassis.migrations import upgrade  # noqa: E402
from chassis.service import build_runtime  # noqa: E402
from chassis.settings import Settings  # noqa: E402
from chassis.testing.broker_cleanup import delete_run_topology  # noqa: E402


def wait_until(condition, timeout: float, what: str, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise SystemExit(f"timed out waiting for {what}")


class Bench:
    def __init__(self, database_url):
        run = uuid.uuid4().hex[:8]
        self.names = {"exchange": f"fwbench.{run}.events", "queue_prefix": f"fwbench.{run}"}
        self.runtimes = {}
        for spec in (PRODUCER, CONSUMER):
            settings = Settings(service=spec.name, database_url=database_url(spec.name), broker_url=BROKER_URL,
                                jwt_secret=JWT_SECRET, port=0, **self.names)
            upgrade(settings.database_url, spec.migrations)
            self.runtimes[spec.name] = build_runtime(spec, settings)
        self.producer, self.ledger = self.runtimes["customers"], self.runtimes["ledger"]
        self.processes: list[subprocess.Popen] = []
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TOY_DIR), os.environ.get("PYTHONPATH", "")]),
                    "FIELDWORK_CUSTOMERS_DATABASE_URL": self.producer.settings.database_url,
                    "FIELDWORK_LEDGER_DATABASE_URL": self.ledger.settings.database_url,
                    "FIELDWORK_BROKER_URL": BROKER_URL, "FIELDWORK_EXCHANGE": self.names["exchange"],
                    "FIELDWORK_QUEUE_PREFIX": self.names["queue_prefix"]}

    def channel_do(self, action):
        connection = pika.BlockingConnection(pika.URLParameters(BROKER_URL))
        try:
            return action(connection.channel())
        finally:
            connection.close()

    def start(self, role: str, command: str) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-m", "ledger_toy", role, command], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(process)
        return process

    def scalar(self, runtime, sql: str, **params):
        with runtime.database.engine.connect() as connection:
            return connection.execute(text(sql), params).scalar()

    def relay_active(self) -> bool:
        """The relay holds its advisory lock (it then connects to the broker and listens)."""
        return bool(self.scalar(self.producer, "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                                               "WHERE l.locktype = 'advisory' "
                                               "AND a.application_name = 'fieldwork-customers-relay'"))

    def drain(self, count: int) -> float:
        self.start("producer", "relay")
        wait_until(self.relay_active, 60, "the relay to start")
        time.sleep(1.0)
        account = uuid.uuid4()
        with self.producer.database.transaction(account_id=account) as session:
            for _ in range(count):
                emit(session, status_change(uuid.uuid4(), "lead", "active"))
        committed = time.time()
        wait_until(lambda: self.scalar(self.producer, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0,
                   120, "the drain", interval=0.2)
        finished = float(self.scalar(self.producer, "SELECT extract(epoch FROM max(sent_at)) FROM outbox"))
        self.channel_do(lambda channel: channel.queue_purge(self.ledger.settings.queue))
        return count / (finished - committed)

    def steady(self, rate: int, seconds: int) -> list[float]:
        self.start("consumer", "consumer")
        wait_until(lambda: self.channel_do(lambda channel: channel.queue_declare(
            self.ledger.settings.queue, passive=True).method.consumer_count) >= 1, 60, "the consumer")
        account, committed = uuid.uuid4(), {}
        started, total = time.monotonic(), rate * seconds
        for n in range(total):
            time.sleep(max(0.0, started + n / rate - time.monotonic()))
            with self.producer.database.transaction(account_id=account) as session:
                event = emit(session, status_change(uuid.uuid4(), "lead", "active"))
            committed[event.id] = time.time()
        wait_until(lambda: self.scalar(self.ledger, "SELECT count(*) FROM ledger_entries") >= total, 120,
                   "every event to be applied", interval=0.2)
        with self.ledger.database.engine.connect() as connection:
            applied = dict(connection.execute(text("SELECT event_id, extract(epoch FROM applied_at) FROM ledger_entries")).all())
        return [(float(applied[event_id]) - at) * 1000 for event_id, at in committed.items()]

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        for runtime in self.runtimes.values():
            runtime.database.dispose()  # the databases themselves are dropped by scratch_databases
        delete_run_topology(BROKER_URL, self.names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drain", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    with scratch_databases("events") as database_url:
        bench = Bench(database_url)
        try:
            bench.channel_do(lambda channel: declare_consumer_queues(
                channel, bench.ledger.settings, CONSUMER.handlers.types,
                MessagingOptions.from_settings(bench.ledger.settings).delivery_limit))
            drain_rate = bench.drain(args.drain)
            lags = bench.steady(args.rate, args.seconds)
        finally:
            bench.close()
    p50, p99 = percentile(lags, 0.50), percentile(lags, 0.99)
    print(f"{'measure':<34}{'value':>12}  target")
    print(f"{'drain of ' + str(args.drain) + ' events (events/s)':<34}{drain_rate:>12.0f}  >= 5000")
    print(f"{'lag p50 at ' + str(args.rate) + '/s (ms)':<34}{p50:>12.1f}  <= 5")
    print(f"{'lag p99 at ' + str(args.rate) + '/s (ms)':<34}{p99:>12.1f}  <= 25")
    print(f"{'lag mean / max (ms)':<34}{statistics.mean(lags):>6.1f} / {max(lags):.1f}")
    print(f"{'host load average (1 min)':<34}{os.getloadavg()[0]:>12.2f}")
    report({"events": args.drain + len(lags), "drain_events_per_s": round(drain_rate),
            "lag_p50_ms": round(p50, 2), "lag_p99_ms": round(p99, 2)})


if __name__ == "__main__":
    main()
