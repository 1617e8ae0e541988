"""Settings read from the environment, with defaults that work on a developer's machine."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

DEV_JWT_SECRET = "fieldwork-development-secret-not-for-production"
SERVICE_PORTS = {"customers": 8001, "jobs": 8002, "billing": 8003, "comms": 8004, "insights": 8005, "gateway": 8080}
DEFAULT_WEB_THREADS = 8


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def service_url(service: str) -> str:
    """Base URL of another service's HTTP API, e.g. ``FIELDWORK_CUSTOMERS_URL``."""
    return _env(f"FIELDWORK_{service.upper()}_URL", f"http://127.0.0.1:{SERVICE_PORTS[service]}")


def web_threads() -> int:
    """How many requests a web worker serves at once: gunicorn's threads, and what its database pool is sized to."""
    return int(_env("WEB_THREADS", str(DEFAULT_WEB_THREADS)))


@dataclass(frozen=True)
class Settings:
    service: str
    database_url: str | None
    broker_url: str
    exchange: str
    queue_prefix: str
    jwt_secret: str
    port: int
    extra: dict = field(default_factory=dict)
    web_threads: int = DEFAULT_WEB_THREADS

    @classmethod
    def from_env(cls, service: str, *, uses_database: bool = True) -> "Settings":
        default_db = f"postgresql+psycopg://postgres@127.0.0.1:5432/fieldwork_{service}"
        return cls(
            service=service,
            database_url=_env(f"FIELDWORK_{service.upper()}_DATABASE_URL", default_db) if uses_database else None,
            broker_url=_env("FIELDWORK_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672/%2F"),
            exchange=_env("FIELDWORK_EXCHANGE", "fieldwork.events"),
            queue_prefix=_env("FIELDWORK_QUEUE_PREFIX", "fieldwork"),
            jwt_secret=_env("FIELDWORK_JWT_SECRET", DEV_JWT_SECRET),
            port=int(_env("PORT", str(SERVICE_PORTS.get(service, 8000)))),
            web_threads=web_threads(),
        )

    def option(self, key: str, env: str, default: str = "") -> str:
        """A setting of the service's own: ``extra[key]`` (what a test or a composition root gives), else the
        environment variable ``env`` when set and not empty, else ``default``."""
        if key in self.extra:
            return str(self.extra[key])
        return _env(env, default)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @property
    def queue(self) -> str:
        return f"{self.queue_prefix}.{self.service}"

    @property
    def dead_letter_queue(self) -> str:
        return f"{self.queue}.dead"
