"""Parallel calls under one deadline: the GETs on a bounded thread pool, the deadline kept by waiting on the futures.

The request's own thread makes the last call itself rather than wait idle, one hand-over fewer per fan-out. Nothing
outlives the deadline by much: a call not started by then is cancelled, and one running was given a timeout no
longer than what was left of the deadline when it started, so it ends (and settles its breaker) on its own by then;
the pool's bound caps how many can be running at once.
"""
from __future__ import annotations

import contextvars
import time
from collections.abc import Hashable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from chassis.service_calls.client import Reply, ServiceClient, ServiceUnavailable

DEADLINE = "deadline"  # the reason of a call that had not answered when the deadline came


@dataclass(frozen=True)
class Failed:
    """A call that gave no usable answer in time: why, for logs and the operator."""

    reason: str


Outcome = Reply | Failed


@dataclass(frozen=True)
class Get:
    """One GET of one service: its client, the path and the query string."""

    client: ServiceClient
    path: str
    query: str = ""


class Fanout:
    def __init__(self, threads: int):
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fanout")

    def gather(self, gets: Mapping[Hashable, Get], headers: dict[str, str],
               deadline_seconds: float) -> dict[Hashable, Outcome]:
        """Starts every GET at once and returns, by the deadline, each one's reply or why it failed."""
        ends_at = time.monotonic() + deadline_seconds
        keys = list(gets)
        futures: dict[Hashable, Future] = {
            # Each call runs in a copy of this request's context, so what it logs carries the request id.
            key: self._executor.submit(contextvars.copy_context().run, _call, gets[key], headers, ends_at)
            for key in keys[:-1]
        }
        outcomes = {key: _own_call(gets[key], headers, ends_at) for key in keys[-1:]}
        wait(futures.values(), timeout=max(0.0, ends_at - time.monotonic()))
        outcomes.update((key, _outcome(future)) for key, future in futures.items())
        return {key: outcomes[key] for key in gets}

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _call(get: Get, headers: dict[str, str], ends_at: float) -> Reply:
    left = ends_at - time.monotonic()
    if left <= 0:  # waited in the pool's queue past the deadline: not worth starting
        raise ServiceUnavailable(get.client.name, DEADLINE)
    return get.client.get(get.path, headers=headers, query=get.query,
                          timeout_seconds=min(get.client.timeout_seconds, left))


def _outcome(future: Future) -> Outcome:
    if not future.done():
        future.cancel()  # not started yet (pool saturated): never start it
        return Failed(DEADLINE)
    error = future.exception()
    return future.result() if error is None else _failed(error)


def _own_call(get: Get, headers: dict[str, str], ends_at: float) -> Outcome:
    try:
        return _call(get, headers, ends_at)
    except Exception as error:  # noqa: BLE001 - as on the pool: that call fails, the page still answers
        return _failed(error)


def _failed(error: BaseException) -> Failed:
    return Failed(error.reason if isinstance(error, ServiceUnavailable) else type(error).__name__)
