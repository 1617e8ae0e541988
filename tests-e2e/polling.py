"""Waiting for what crosses the system asynchronously (events), without fixed sleeps."""
from __future__ import annotations

import time


def eventually(check, *, seconds: float = 20, interval: float = 0.2):
    """Polls ``check`` until it returns a truthy value: events cross the system asynchronously."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except AssertionError as error:
            last = error
        time.sleep(interval)
    raise AssertionError(f"not reached within {seconds}s: {last!r}")
