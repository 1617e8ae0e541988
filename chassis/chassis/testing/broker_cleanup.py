"""Removes a test run's exchange and queues from the broker."""
from __future__ import annotations

import json
import logging

import pika

log = logging.getLogger(__name__)


def _run_queues(broker_url: str, prefix: str) -> list[str]:
    """Queue names under ``prefix``, from the broker's own list (rabbitmqctl is the only list without the HTTP API)."""
    import subprocess
    try:
        out = subprocess.run(["rabbitmqctl", "list_queues", "-q", "--formatter", "json", "name"],
                             capture_output=True, text=True, timeout=30, check=True).stdout
        return [q["name"] for q in json.loads(out) if q["name"].startswith(prefix + ".")]
    except (OSError, subprocess.SubprocessError, ValueError):
        return []


def delete_run_topology(broker_url: str, names: dict, known_queues: list[str] | None = None) -> None:
    queues = set(known_queues or []) | set(_run_queues(broker_url, names["queue_prefix"]))
    try:
        connection = pika.BlockingConnection(pika.URLParameters(broker_url))
    except pika.exceptions.AMQPError:
        log.warning("could not clean the test broker topology")
        return
    try:
        channel = connection.channel()
        for queue in sorted(queues):
            channel.queue_delete(queue=queue)
        for exchange in (names["exchange"], names["exchange"] + ".dead"):
            channel.exchange_delete(exchange=exchange)
    finally:
        connection.close()
