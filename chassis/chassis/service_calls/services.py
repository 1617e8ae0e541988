"""A service's calls to another of our services: the gateway's client, sized for a service's few such calls."""
from __future__ import annotations

from chassis import logs
from chassis.service_calls.breaker import CircuitBreaker
from chassis.service_calls.client import Reply, ServiceClient
from chassis.settings import service_url

__all__ = ["Reply", "headers_for", "other_service"]


def other_service(service: str, base_url: str | None = None, *, timeout_seconds: float) -> ServiceClient:
    """The client of ``service`` at ``base_url`` (``FIELDWORK_<SERVICE>_URL`` by default): its own breaker, so a
    service that stopped answering is not waited on by every request until it is back."""
    return ServiceClient(service, (base_url or service_url(service)).rstrip("/"), timeout_seconds=timeout_seconds,
                         breaker=CircuitBreaker(service), max_connections=8)


def headers_for(token: str) -> dict[str, str]:
    """The caller's credential and the request id of the request (or event) being served."""
    headers = {"Authorization": f"Bearer {token}"}
    request_id = logs.current_request_id()
    if request_id:
        headers[logs.REQUEST_ID_HEADER] = request_id
    return headers
