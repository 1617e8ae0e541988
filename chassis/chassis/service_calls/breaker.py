"""A circuit breaker that never holds its lock while the guarded call runs.

The lock only guards a few field updates before and after a call, so threads calling the same
service run their calls concurrently (pybreaker 1.4 holds its lock across the call, which would
serialise every call to a service through one thread).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from chassis.service_calls.sickness import Verdict

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"


class BreakerOpen(Exception):
    """The service failed too often lately; the call was not attempted."""


class CircuitBreaker:
    def __init__(self, name: str, *, failure_threshold: int = 5, reset_seconds: float = 2.0,
                 clock: Callable[[], float] = time.monotonic):
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_seconds = reset_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            return CLOSED
        if self._clock() - self._opened_at >= self.reset_seconds:
            return HALF_OPEN
        return OPEN

    def before_call(self) -> None:
        """Raises BreakerOpen unless a call may go out now; half-open lets exactly one trial through."""
        with self._lock:
            state = self._state()
            if state == CLOSED:
                return
            if state == HALF_OPEN and not self._trial_running:
                self._trial_running = True
                return
        raise BreakerOpen(f"{self.name} is failing; not called for now.")

    def record(self, verdict: Verdict) -> None:
        """Settles a call by what it said about the service (``chassis.service_calls.sickness`` decides that)."""
        if verdict is Verdict.SICK:
            self.record_failure()
        elif verdict is Verdict.HEALTHY:
            self.record_success()
        else:
            self.record_no_verdict()

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial_running = False

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._trial_running or self._failures >= self.failure_threshold:
                self._opened_at = self._clock()
            self._trial_running = False

    def record_no_verdict(self) -> None:
        """A call that says nothing about the service: the count stays, and a half-open trial is over, so the next
        call is the trial instead of the breaker waiting for one that never ends."""
        with self._lock:
            self._trial_running = False
