"""The gateway's own settings: where the services are, how long a composed answer may take, CORS, portal."""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

from chassis.settings import Settings, service_url

SERVICES = ("customers", "jobs", "billing", "comms", "insights")
OFF = "off"  # FIELDWORK_<SVC>_URL=off: the deployment has no such service, its sections say not_configured


@dataclass(frozen=True)
class GatewayConfig:
    service_urls: dict[str, str | None]
    deadline_ms: int = 500          # the whole workspace answers within this
    call_timeout_ms: int = 450      # one service call; a frozen service is waited for no longer than this
    proxy_timeout_ms: int = 10000   # a request of the resource API (writes, PDFs) passed on to its service
    breaker_failures: int = 5       # consecutive failures that open a service's breaker
    breaker_reset_ms: int = 2000    # how long an open breaker refuses before one trial call
    pool_threads: int = 128         # threads making the calls of every fan-out; idle connections kept per service
    cors_origin: str | None = None
    portal_secret: bytes = b""
    portal_ttl_seconds: int = 1800
    jwt_secret: str = ""
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> "GatewayConfig":
        urls = settings.extra.get("service_urls") or {}
        service_urls = {}
        for name in SERVICES:
            url = urls.get(name) if name in urls else service_url(name)
            service_urls[name] = None if url in (None, OFF) else url.rstrip("/")
        option = settings.option
        return cls(
            service_urls=service_urls,
            deadline_ms=int(option("deadline_ms", "FIELDWORK_GATEWAY_DEADLINE_MS", "500")),
            call_timeout_ms=int(option("call_timeout_ms", "FIELDWORK_GATEWAY_CALL_TIMEOUT_MS", "450")),
            proxy_timeout_ms=int(option("proxy_timeout_ms", "FIELDWORK_GATEWAY_PROXY_TIMEOUT_MS", "10000")),
            breaker_failures=int(option("breaker_failures", "FIELDWORK_GATEWAY_BREAKER_FAILURES", "5")),
            breaker_reset_ms=int(option("breaker_reset_ms", "FIELDWORK_GATEWAY_BREAKER_RESET_MS", "2000")),
            pool_threads=int(option("pool_threads", "FIELDWORK_GATEWAY_THREADS", "128")),
            cors_origin=option("cors_origin", "FIELDWORK_CORS_ORIGIN") or None,
            portal_secret=_portal_key(option("portal_secret", "FIELDWORK_PORTAL_SECRET"), settings.jwt_secret),
            portal_ttl_seconds=int(option("portal_ttl_seconds", "FIELDWORK_PORTAL_TTL_SECONDS", "1800")),
            jwt_secret=settings.jwt_secret,
        )


def _portal_key(configured: str | None, jwt_secret: str) -> bytes:
    # A portal session must never pass as a staff token, so it is signed with a key of its own:
    # the configured one, else one derived from the JWT secret (distinct, and stable across workers).
    if configured:
        return configured.encode()
    return hmac.new(jwt_secret.encode(), b"fieldwork-portal-session", hashlib.sha256).digest()
