"""Parallel calls under one deadline.

GETs to services reached over plain HTTP are all sent at once from the request's own thread and read as they
arrive (keepalive.drive); the deadline is the poll's limit, so nothing is left running after it. A service
reached otherwise (https) gets a thread per call, and the deadline is kept by waiting on those futures.
"""
from __future__ import annotations

import time
from collections.abc import Hashable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from gateway.upstream import keepalive
from gateway.upstream.client import Flight, Reply, ServiceClient, ServiceUnavailable


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
        """Starts every GET at once and returns, by the deadline, each one's reply or why it failed.

        A call still unanswered at the deadline is given up and counts against its service's breaker;
        one on a thread is abandoned instead, to end on its own timeout (its breaker counts it then).
        """
        ends_at = time.monotonic() + deadline_seconds
        outcomes: dict[Hashable, Outcome] = {}
        flights: dict[Hashable, Flight] = {}
        futures: dict[Hashable, Future] = {}
        for key, get in gets.items():
            if not get.client.multiplexes:
                futures[key] = self._executor.submit(get.client.get, get.path, headers=headers, query=get.query)
                continue
            try:
                flights[key] = get.client.send_get(get.path, headers=headers, query=get.query, ends_at=ends_at)
            except ServiceUnavailable as exc:
                outcomes[key] = Failed(exc.reason)
            except Exception as exc:  # noqa: BLE001 - ours (a header that cannot be sent): that call fails, as on a
                # thread, and the calls already sent are still read and settled rather than left half-done
                outcomes[key] = Failed(type(exc).__name__)
        keepalive.drive([flight.exchange for flight in flights.values()], ends_at)
        for key, flight in flights.items():
            try:
                outcomes[key] = flight.reply()
            except ServiceUnavailable as exc:
                outcomes[key] = Failed(exc.reason)
        if futures:
            wait(futures.values(), timeout=max(0.0, ends_at - time.monotonic()))
            outcomes.update({key: _outcome(future) for key, future in futures.items()})
        return {key: outcomes[key] for key in gets}

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
