"""Tuning of the relay and the consumer: settings.extra first, then FIELDWORK_* variables, then defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass

from chassis.settings import Settings


def _pick(settings: Settings, key: str, default: float) -> float:
    if key in settings.extra:
        return float(settings.extra[key])
    value = os.environ.get(f"FIELDWORK_{key.upper()}")
    return float(value) if value not in (None, "") else default


@dataclass(frozen=True)
class MessagingOptions:
    relay_batch_size: int = 500          # rows claimed, published and confirmed together
    relay_poll_seconds: float = 1.0      # fallback when a NOTIFY is missed (e.g. while disconnected)
    relay_standby_seconds: float = 1.0   # how often a standby relay tries to become the active one
    confirm_timeout_seconds: float = 30.0
    prefetch: int = 50
    # RabbitMQ 3.10 counts a redelivery after a consumer's connection dies too, so leave room for crashes.
    delivery_limit: int = 10
    retry_delay_seconds: float = 0.2     # first wait before a failed message is handed back; doubles per try
    retry_delay_max_seconds: float = 5.0
    heartbeat_seconds: int = 30
    blocked_connection_timeout_seconds: float = 60.0
    backoff_max_seconds: float = 2.0     # reconnect attempts never wait longer than this

    @classmethod
    def from_settings(cls, settings: Settings) -> "MessagingOptions":
        defaults = cls()
        values = {}
        for name, default in vars(defaults).items():
            value = _pick(settings, name, default)
            values[name] = int(value) if isinstance(default, int) else value
        return cls(**values)
