"""Removes a test run's exchanges and queues from the broker."""
from __future__ import annotations

import json
import logging
import subprocess
import time

import pika

log = logging.getLogger(__name__)


def _names_listed(kind: str, prefix: str) -> list[str]:
    """Names of ``kind`` ("queues", "exchanges") starting with ``prefix``, from rabbitmqctl (there is no HTTP API)."""
    try:
        out = subprocess.run(["rabbitmqctl", f"list_{kind}", "-q", "--formatter", "json", "name"],
                             capture_output=True, text=True, timeout=30, check=True).stdout
        return [item["name"] for item in json.loads(out) if item["name"].startswith(prefix)]
    except (OSError, subprocess.SubprocessError, ValueError):
        return []


def _connect(broker_url: str, attempts: int = 5) -> pika.BlockingConnection | None:
    """A few tries: another suite's chaos test may be restarting the broker right now."""
    for attempt in range(attempts):
        try:
            return pika.BlockingConnection(pika.URLParameters(broker_url))
        except pika.exceptions.AMQPError:
            time.sleep(2 * (attempt + 1))
    return None


def delete_run_topology(broker_url: str, names: dict, known_queues: list[str] | None = None) -> None:
    """Everything under the run's names: tests may add suffixes (``<exchange>.<test>``, ``<prefix>.<test>.…``)."""
    connection = _connect(broker_url)
    if connection is None:
        log.warning("could not clean the test broker topology")
        return
    queues = set(known_queues or []) | set(_names_listed("queues", names["queue_prefix"] + "."))
    exchanges = {names["exchange"], names["exchange"] + ".dead"} | set(_names_listed("exchanges", names["exchange"]))
    try:
        channel = connection.channel()
        for queue in sorted(queues):
            channel.queue_delete(queue=queue)
        for exchange in sorted(exchanges):
            channel.exchange_delete(exchange=exchange)
    finally:
        connection.close()
