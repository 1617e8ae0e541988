"""One service's HTTP API behind that service's circuit breaker: its GETs over keepalive.py (one at a time, or sent
at once with others as ``Flight``s), everything else over a pooled keep-alive urllib3 client."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import urllib3

from chassis.wire_json import loads
from gateway.upstream import keepalive, sickness
from gateway.upstream.breaker import BreakerOpen, CircuitBreaker
from gateway.upstream.keepalive import Exchange, KeepAliveGets, Unreachable


@dataclass(frozen=True)
class Reply:
    """A service's answer, its body kept as bytes so that JSON can be passed on without re-parsing."""

    status: int
    body: bytes
    headers: Any  # urllib3's HTTPHeaderDict

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def json(self) -> Any:
        return loads(self.body)


class ServiceUnavailable(Exception):
    """The service could not be reached, timed out, or its breaker is open."""

    def __init__(self, service: str, reason: str):
        super().__init__(f"{service}: {reason}")
        self.service = service
        self.reason = reason


class ServiceClient:
    def __init__(self, name: str, base_url: str, *, timeout_seconds: float, breaker: CircuitBreaker,
                 max_connections: int = 32):
        self.name = name
        self.base_url = base_url
        self.breaker = breaker
        self.timeout_seconds = timeout_seconds
        url = urllib3.util.parse_url(base_url)
        self._prefix = url.path or ""
        # block=False: a burst beyond max_connections opens extra connections instead of queueing;
        # retries=False: a retry would spend the caller's deadline on a service that just failed.
        self._pool = urllib3.connection_from_url(
            base_url, maxsize=max_connections, block=False, retries=False,
            timeout=urllib3.Timeout(total=timeout_seconds))
        # The reads the gateway makes on every page (plain http to our own services) skip urllib3's overhead.
        self._gets = (KeepAliveGets(url.host, url.port or 80, max_connections)
                      if url.scheme == "http" and url.host else None)

    def request(self, method: str, path: str, *, headers: dict[str, str], query: str = "", body: bytes | None = None,
                timeout_seconds: float | None = None) -> Reply:
        url = f"{self._prefix}{path}?{query}" if query else f"{self._prefix}{path}"
        timeout = urllib3.Timeout(total=timeout_seconds) if timeout_seconds is not None else self._pool.timeout

        self._breaker_lets_through()
        try:
            response = self._pool.urlopen(method, url, body=body, headers=headers, redirect=False, retries=False,
                                          timeout=timeout, preload_content=True)
        except Exception as exc:
            self.breaker.record(sickness.of_error(exc))
            if isinstance(exc, urllib3.exceptions.HTTPError):
                raise ServiceUnavailable(self.name, type(exc).__name__) from None
            raise
        return self._settle(response.status, response.data, response.headers)

    @property
    def multiplexes(self) -> bool:
        """Its GETs can be sent without a thread each and read together with others (``Flight``)."""
        return self._gets is not None

    def get(self, path: str, *, headers: dict[str, str], query: str = "") -> Reply:
        if self._gets is None:
            return self.request("GET", path, headers=headers, query=query)
        flight = self.send_get(path, headers=headers, query=query, ends_at=time.monotonic() + self.timeout_seconds)
        keepalive.drive([flight.exchange])
        return flight.reply()

    def send_get(self, path: str, *, headers: dict[str, str], query: str = "", ends_at: float) -> Flight:
        """Starts a GET under the service's breaker and returns at once; ``keepalive.drive`` reads the answer,
        then ``Flight.reply`` settles the breaker. Raises ServiceUnavailable if the breaker refuses the call."""
        target = f"{self._prefix}{path}?{query}" if query else f"{self._prefix}{path}"
        self._breaker_lets_through()
        try:
            exchange = self._gets.start(target, headers, min(ends_at, time.monotonic() + self.timeout_seconds))
        except Exception as exc:
            # Every call settles its breaker, so a half-open trial always ends, whatever the verdict.
            self.breaker.record(sickness.of_error(exc))
            if isinstance(exc, Unreachable):
                raise ServiceUnavailable(self.name, exc.reason) from None
            raise
        return Flight(self, exchange)

    def _breaker_lets_through(self) -> None:
        try:
            self.breaker.before_call()
        except BreakerOpen as exc:
            raise ServiceUnavailable(self.name, str(exc)) from None

    def _settle(self, status: int, body: bytes, reply_headers: Any) -> Reply:
        self.breaker.record(sickness.of_answer(status))
        return Reply(status, body, reply_headers)

    def close(self) -> None:
        self._pool.close()
        if self._gets is not None:
            self._gets.close()


class Flight:
    """A GET sent to a service and not yet settled: its exchange is driven with others, then ``reply`` reports
    the outcome to the service's breaker exactly once."""

    __slots__ = ("client", "exchange")

    def __init__(self, client: ServiceClient, exchange: Exchange):
        self.client = client
        self.exchange = exchange

    def reply(self) -> Reply:
        client = self.client
        try:
            status, body, reply_headers = self.exchange.answer()
        except Unreachable as exc:
            client.breaker.record(sickness.of_error(exc))
            raise ServiceUnavailable(client.name, exc.reason) from None
        return client._settle(status, body, reply_headers)
