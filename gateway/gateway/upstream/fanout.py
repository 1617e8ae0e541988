"""Parallel calls under one deadline: the deadline is kept by waiting on the futures, not by socket timeouts."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from gateway.upstream.client import Reply, ServiceUnavailable


@dataclass(frozen=True)
class Failed:
    """A call that gave no usable answer in time: why, for logs and the operator."""

    reason: str


Outcome = Reply | Failed


class Fanout:
    def __init__(self, threads: int):
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fanout")

    def gather(self, calls: Mapping[str, Callable[[], Reply]], deadline_seconds: float) -> dict[str, Outcome]:
        """Starts every call at once and returns, by the deadline, each one's reply or why it failed.

        A call still running at the deadline is abandoned, not waited for: it ends on its own
        timeout, and its breaker counts it.
        """
        ends_at = time.monotonic() + deadline_seconds
        futures: dict[str, Future] = {key: self._executor.submit(call) for key, call in calls.items()}
        wait(futures.values(), timeout=max(0.0, ends_at - time.monotonic()))
        return {key: _outcome(future) for key, future in futures.items()}

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _outcome(future: Future) -> Outcome:
    if not future.done():
        future.cancel()  # not started yet (pool saturated): never start it
        return Failed("deadline")
    error = future.exception()
    if error is None:
        return future.result()
    if isinstance(error, ServiceUnavailable):
        return Failed(error.reason)
    return Failed(type(error).__name__)
