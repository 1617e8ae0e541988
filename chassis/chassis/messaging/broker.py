"""Broker connections as every messaging process opens them, and the backoff between attempts."""
from __future__ import annotations

import logging
import random
import threading

import pika

from chassis.messaging.options import MessagingOptions
from chassis.settings import Settings

# What a lost or refused broker connection raises; callers reconnect on any of these.
BROKER_ERRORS = (pika.exceptions.AMQPError, OSError)


def connection_parameters(settings: Settings, options: MessagingOptions, purpose: str) -> pika.URLParameters:
    parameters = pika.URLParameters(settings.broker_url)
    parameters.heartbeat = options.heartbeat_seconds
    # A broker under a memory or disk alarm blocks publishers; give up (and reconnect) instead of hanging.
    parameters.blocked_connection_timeout = options.blocked_connection_timeout_seconds
    parameters.connection_attempts = 1
    parameters.socket_timeout = 5
    parameters.client_properties = {"connection_name": f"fieldwork-{settings.service}-{purpose}"}
    return parameters


def connect(settings: Settings, options: MessagingOptions, purpose: str) -> pika.BlockingConnection:
    return pika.BlockingConnection(connection_parameters(settings, options, purpose))


class Backoff:
    """Waits longer after each failed attempt (with jitter), up to a ceiling; ``reset`` after a success."""

    def __init__(self, ceiling: float, first: float = 0.1):
        self._first, self._ceiling, self._next = first, ceiling, first

    def wait(self, stop: threading.Event) -> None:
        stop.wait(self._next * random.uniform(0.8, 1.2))
        self._next = min(self._next * 2, self._ceiling)

    def reset(self) -> None:
        self._next = self._first


def quiet_pika() -> None:
    """pika logs each failed reconnect attempt as errors with tracebacks; our one warning per attempt says it."""
    logging.getLogger("pika").setLevel(logging.CRITICAL)
