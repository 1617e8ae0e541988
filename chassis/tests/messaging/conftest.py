"""Fixtures for the messaging tests: the ledger toy's producer and consumer on their own exchange and queues."""
from __future__ import annotations

import itertools
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pika
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the ledger_toy package, also for its subprocesses

from ledger_toy import CONSUMER, PRODUCER  # noqa: E402

from chassis.messaging.consumer import Consumer  # noqa: E402
from chassis.messaging.options import MessagingOptions  # noqa: E402
from chassis.messaging.relay import OutboxRelay  # noqa: E402
from chassis.messaging.topology import declare_consumer_queues  # noqa: E402
from chassis.migrations import upgrade  # noqa: E402
from chassis.service import build_runtime  # noqa: E402

TOY_DIR = Path(__file__).parent
_numbers = itertools.count()


def wait_for(condition, timeout: float = 10.0, interval: float = 0.02, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def toy(make_settings, broker_names):
    """``toy(**extra)`` → (producer runtime, consumer runtime) on fresh databases and this test's own names."""

    def make(**extra):
        n = next(_numbers)
        names = {"exchange": f"{broker_names['exchange']}.t{n}", "queue_prefix": f"{broker_names['queue_prefix']}.t{n}"}
        runtimes = []
        for spec in (PRODUCER, CONSUMER):
            settings = make_settings(spec.name, **extra).with_(**names)
            upgrade(settings.database_url, spec.migrations)
            runtimes.append(build_runtime(spec, settings))
        declare_queues(runtimes[1])
        return tuple(runtimes)

    return make


def declare_queues(consumer_runtime) -> None:
    settings = consumer_runtime.settings
    with broker_channel(settings) as channel:
        declare_consumer_queues(channel, settings, CONSUMER.handlers.types,
                                MessagingOptions.from_settings(settings).delivery_limit)


@contextmanager
def broker_channel(settings):
    connection = pika.BlockingConnection(pika.URLParameters(settings.broker_url))
    try:
        yield connection.channel()
    finally:
        if connection.is_open:
            connection.close()


@contextmanager
def running(loop_class, runtime):
    """Runs the relay or consumer loop in a thread of this process until the block ends."""
    stop = threading.Event()
    options = MessagingOptions.from_settings(runtime.settings)
    loop = loop_class(runtime.settings, options, stop) if loop_class is OutboxRelay else loop_class(runtime, options, stop)
    thread = threading.Thread(target=loop.run, daemon=True)
    thread.start()
    try:
        yield loop
    finally:
        stop.set()
        thread.join(timeout=15)
        assert not thread.is_alive(), f"{loop_class.__name__} did not stop"


@pytest.fixture
def relay():
    return lambda runtime: running(OutboxRelay, runtime)


@pytest.fixture
def consumer():
    return lambda runtime: running(Consumer, runtime)


def scalar(runtime, sql: str, **params):
    from sqlalchemy import text
    with runtime.database.engine.connect() as connection:
        return connection.execute(text(sql), params).scalar()
