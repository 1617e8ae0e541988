"""One service's HTTP API behind that service's circuit breaker: a requests Session over urllib3's keep-alive pool."""
from __future__ import annotations

import http.cookiejar
from dataclasses import dataclass
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter

from chassis.wire_json import loads
from gateway.upstream import sickness
from gateway.upstream.breaker import BreakerOpen, CircuitBreaker


@dataclass(frozen=True)
class Reply:
    """A service's answer, its body kept as bytes so that JSON can be passed on without re-parsing."""

    status: int
    body: bytes
    headers: Any  # a case-insensitive mapping

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
        self.base_url = base_url.rstrip("/")
        self.breaker = breaker
        self.timeout_seconds = timeout_seconds
        self._session = _session(max_connections)

    def get(self, path: str, *, headers: dict[str, str], query: str = "",
            timeout_seconds: float | None = None) -> Reply:
        return self.request("GET", path, headers=headers, query=query, timeout_seconds=timeout_seconds)

    def request(self, method: str, path: str, *, headers: dict[str, str], query: str = "", body: bytes | None = None,
                timeout_seconds: float | None = None) -> Reply:
        """One call, settled with the breaker exactly once whatever happens; raises ServiceUnavailable when the
        service was not called (breaker open) or gave no answer, and a request of ours that cannot be sent
        (a header with a line break) raises as it is."""
        url = f"{self.base_url}{path}?{query}" if query else f"{self.base_url}{path}"
        # total: connecting and reading together stay within it, so a call abandoned at a fan-out's deadline ends
        # on its own by then instead of holding a thread for a service's whole silence.
        timeout = urllib3.Timeout(total=self.timeout_seconds if timeout_seconds is None else timeout_seconds)
        try:
            self.breaker.before_call()
        except BreakerOpen as exc:
            raise ServiceUnavailable(self.name, str(exc)) from None
        try:
            response = self._session.request(method, url, headers=headers, data=body, timeout=timeout,
                                             allow_redirects=False)
        except Exception as exc:
            self.breaker.record(sickness.of_error(exc))
            if isinstance(exc, requests.exceptions.RequestException) and not isinstance(exc, ValueError):
                raise ServiceUnavailable(self.name, sickness.reason(exc)) from None
            raise
        self.breaker.record(sickness.of_answer(response.status_code))
        return Reply(response.status_code, response.content, response.headers)

    def close(self) -> None:
        self._session.close()


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """One session serves every account: a cookie a service set for one caller must never go out with another's."""

    def set_ok(self, cookie, request) -> bool:
        return False

    def return_ok(self, cookie, request) -> bool:
        return False


def _session(max_connections: int) -> requests.Session:
    session = requests.Session()
    # The environment's proxies and .netrc are not for calls between our own services.
    session.trust_env = False
    session.cookies.set_policy(_NoCookies())
    # Only what the caller passes on goes out (requests would add Accept, Accept-Encoding and its own agent).
    session.headers.clear()
    session.headers["User-Agent"] = "fieldwork-gateway"
    # pool_block=False: a burst beyond max_connections opens extra connections instead of queueing; max_retries=0: a
    # retry would spend the caller's deadline on a service that just failed.
    adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max_connections, pool_block=False, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
