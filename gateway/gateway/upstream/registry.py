"""The gateway's clients of every service, one per process (made after gunicorn forks, in `wire`)."""
from __future__ import annotations

from gateway.config import SERVICES, GatewayConfig
from chassis.service_calls.breaker import CircuitBreaker
from chassis.service_calls.client import ServiceClient
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

    def configured(self, service: str) -> bool:
        return service in self.clients

    def client(self, service: str) -> ServiceClient | None:
        return self.clients.get(service)

    @property
    def deadline_seconds(self) -> float:
        return self.config.deadline_ms / 1000

    @staticmethod
    def known() -> tuple[str, ...]:
        return SERVICES
