"""A service's calls to another of our services: the gateway's client, sized for a service's few such calls."""
from __future__ import annotations

import threading

from chassis.service_calls.breaker import CircuitBreaker
from chassis.service_calls.client import Reply, ServiceClient
from chassis.settings import service_url

__all__ = ["Reply", "headers_for", "other_service"]


_clients: dict[tuple[str, str], ServiceClient] = {}
_clients_lock = threading.Lock()


def other_service(service: str, base_url: str | None = None, *, timeout_seconds: float) -> ServiceClient:
    """The process's client of ``service`` at ``base_url`` (``FIELDWORK_<SERVICE>_URL`` by default), one however
    many parts of the process ask for it: one pool, and one breaker, so a service that stopped answering is not
    waited on by every request until it is back. ``timeout_seconds`` is each call's default; a call may give its own.
    """
    url = (base_url or service_url(service)).rstrip("/")
    with _clients_lock:
        client = _clients.get((service, url))
        if client is None:
            client = _clients[(service, url)] = ServiceClient(service, url, timeout_seconds=timeout_seconds,
                                                              breaker=CircuitBreaker(service), max_connections=8)
    return client


def headers_for(token: str) -> dict[str, str]:
    """The caller's credential (the client adds the request id)."""
    return {"Authorization": f"Bearer {token}"}
