"""What a service tells the chassis about itself, and the runtime the chassis builds from it."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chassis.db import Database
from chassis.db.database import DEFAULT_POOL_SIZE
from chassis.settings import Settings


@dataclass(frozen=True)
class ServiceSpec:
    """A service's composition root hands one of these to the chassis."""

    name: str
    title: str
    blueprints: Sequence[Any] = ()
    migrations: Path | None = None          # the service's Alembic script folder; None = no database
    handlers: Any = None                    # chassis.messaging.Handlers the consumer dispatches to
    wire: Callable[["Runtime"], None] | None = None  # builds the service's adapters into runtime.adapters
    description: str = ""
    app_factory: str = ""                   # "customers.bootstrap:create_app()", what gunicorn serves


@dataclass
class Runtime:
    """Everything a process of a service holds for its lifetime (one per process, made at start)."""

    spec: ServiceSpec
    settings: Settings
    database: Database | None
    adapters: dict[str, Any] = field(default_factory=dict)
    readiness_checks: dict[str, Callable[[], dict]] = field(default_factory=dict)

    def adapter(self, name: str) -> Any:
        return self.adapters[name]


def build_runtime(spec: ServiceSpec, settings: Settings | None = None, adapters: dict | None = None, *,
                  web: bool = False) -> Runtime:
    """``web``: the process is a web worker, serving ``settings.web_threads`` requests at once; its database pool
    keeps that many connections, so steady load never closes one only to open another (a backend fork each)."""
    settings = settings or Settings.from_env(spec.name, uses_database=spec.migrations is not None)
    database = None
    if settings.database_url:
        pool_size = settings.web_threads if web else DEFAULT_POOL_SIZE
        database = Database(settings.database_url, service=spec.name, pool_size=pool_size)
    runtime = Runtime(spec=spec, settings=settings, database=database)
    if spec.wire:
        spec.wire(runtime)
    runtime.adapters.update(adapters or {})  # tests replace outside systems here, after the defaults
    if database is not None:
        runtime.readiness_checks["database"] = lambda: (database.ping() or {})
        from chassis.messaging.readiness import add_messaging_checks
        add_messaging_checks(runtime)
    return runtime
