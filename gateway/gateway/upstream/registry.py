"""The gateway's clients of every service, one per process (made after gunicorn forks, in `wire`)."""
from __future__ import annotations

from chassis.errors import Unavailable
from chassis.service_calls.breaker import CircuitBreaker
from chassis.service_calls.client import Reply, ServiceClient, ServiceUnavailable
from gateway.config import GatewayConfig
from gateway.upstream.fanout import Fanout


class Upstreams:
    def __init__(self, config: GatewayConfig):
        self.config = config
        self.clients: dict[str, ServiceClient] = {
            name: ServiceClient(
                name, url, timeout_seconds=config.call_timeout_ms / 1000, max_connections=config.pool_threads,
                breaker=CircuitBreaker(name, failure_threshold=config.breaker_failures,
                                       reset_seconds=config.breaker_reset_ms / 1000))
            for name, url in config.service_urls.items() if url
        }
        self.fanout = Fanout(config.pool_threads)

    def client(self, service: str) -> ServiceClient | None:
        return self.clients.get(service)

    def call(self, service: str, method: str, path: str, *, headers: dict[str, str], body: bytes | None = None,
             query: str = "", timeout_seconds: float | None = None) -> Reply:
        """One call on the request's own thread (a write, a proxied call, one document); a service this deployment
        lacks, or one that does not answer, is a 503 (fan-outs say so per section instead: ``run_calls``)."""
        client = self.clients.get(service)
        if client is None:
            raise Unavailable(f"The {service} service is not part of this deployment.")
        try:
            return client.request(method, path, headers=headers, body=body, query=query,
                                  timeout_seconds=timeout_seconds)
        except ServiceUnavailable as exc:
            raise Unavailable(f"The {service} service did not answer ({exc.reason}).") from None

    @property
    def deadline_seconds(self) -> float:
        return self.config.deadline_ms / 1000

