"""When to try a failed delivery again: exponential backoff with a cap, then give up with the reason."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass


class DeliveryError(Exception):
    """A provider did not take the message. ``permanent`` errors (a refused address) are not retried."""

    def __init__(self, reason: str, *, permanent: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class RetryPolicy:
    base_seconds: float = 30.0
    cap_seconds: float = 3600.0
    max_attempts: int = 10
    jitter: float = 0.2  # spreads retries so a provider coming back is not hit by every message at once

    def delay(self, attempts: int, rand: float | None = None) -> dt.timedelta:
        """The wait after the ``attempts``-th failed attempt (1 → base, 2 → 2×base, …, capped)."""
        seconds = min(self.base_seconds * 2 ** (attempts - 1), self.cap_seconds)
        spread = (random.random() if rand is None else rand) * 2 - 1
        return dt.timedelta(seconds=max(0.0, seconds * (1 + self.jitter * spread)))

    def gives_up(self, attempts: int, error: DeliveryError) -> bool:
        return error.permanent or attempts >= self.max_attempts
