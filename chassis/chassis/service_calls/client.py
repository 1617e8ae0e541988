"""One service's HTTP API behind that service's circuit breaker: urllib3's keep-alive connection pool to it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import urllib3

from chassis import logs
from chassis.service_calls import sickness
from chassis.wire_json import loads
from chassis.service_calls.breaker import BreakerOpen, CircuitBreaker


@dataclass(frozen=True)
class Reply:
    """A service's answer, its body kept as bytes so that JSON can be passed on without re-parsing."""

    status: int
    body: bytes
    headers: Any  # urllib3's HTTPHeaderDict: case-insensitive

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
    """Every call to one service (the workspace's reads, the proxied resource API, the portal's writes): one pool of
    keep-alive connections, one breaker, the caller's headers and the request id of the request or event being served
    (no cookies, no redirects, no retries).
    """

    def __init__(self, name: str, base_url: str, *, timeout_seconds: float, breaker: CircuitBreaker,
                 max_connections: int = 32):
        self.name = name
        self.breaker = breaker
        self.timeout_seconds = timeout_seconds
        self._prefix = urllib3.util.parse_url(base_url).path or ""
        # block=False: a burst beyond max_connections opens extra connections instead of queueing;
        # retries=False: a retry would spend the caller's deadline on a service that just failed.
        self._pool = urllib3.connection_from_url(base_url, maxsize=max_connections, block=False, retries=False)

    def get(self, path: str, *, headers: dict[str, str], query: str = "",
            timeout_seconds: float | None = None) -> Reply:
        return self.request("GET", path, headers=headers, query=query, timeout_seconds=timeout_seconds)

    def request(self, method: str, path: str, *, headers: dict[str, str], query: str = "", body: bytes | None = None,
                timeout_seconds: float | None = None) -> Reply:
        """One call, settled with the breaker exactly once whatever happens; raises ServiceUnavailable when the
        service was not called (breaker open) or gave no answer, and a request of ours that cannot be sent
        (a header with a line break) raises as it is."""
        url = f"{self._prefix}{path}?{query}" if query else f"{self._prefix}{path}"
        request_id = logs.current_request_id()
        if request_id and logs.REQUEST_ID_HEADER not in headers:
            headers = {**headers, logs.REQUEST_ID_HEADER: request_id}
        # total: connecting and reading together stay within it, so a call abandoned at a fan-out's deadline ends
        # on its own by then instead of holding a thread for a service's whole silence.
        timeout = urllib3.Timeout(total=self.timeout_seconds if timeout_seconds is None else timeout_seconds)
        try:
            self.breaker.before_call()
        except BreakerOpen as exc:
            raise ServiceUnavailable(self.name, str(exc)) from None
        try:
            response = self._pool.urlopen(method, url, body=body, headers=headers, redirect=False, retries=False,
                                          timeout=timeout, preload_content=True)
        except Exception as exc:
            self.breaker.record(sickness.of_error(exc))
            if isinstance(exc, urllib3.exceptions.HTTPError):
                raise ServiceUnavailable(self.name, type(exc).__name__) from None
            raise
        self.breaker.record(sickness.of_answer(response.status))
        return Reply(response.status, response.data, response.headers)

    def close(self) -> None:
        self._pool.close()
