"""Plumbing every bench script shares: scratch databases and service apps, percentiles, the closing JSON line."""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import uuid
from pathlib import Path

# Run as `python bench/jobs.py`, this folder comes first on sys.path and a script named like a service would hide
# that service's package; once this module is imported the folder has done its work and is taken off again.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from chassis.app import create_app  # noqa: E402
from chassis.logs import JsonFormatter  # noqa: E402
from chassis.settings import Settings  # noqa: E402

POSTGRES_URL = (os.environ.get("FIELDWORK_BENCH_POSTGRES_URL") or os.environ.get("FIELDWORK_TEST_POSTGRES_URL")
                or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BROKER_URL = (os.environ.get("FIELDWORK_BENCH_BROKER_URL") or os.environ.get("FIELDWORK_TEST_BROKER_URL")
              or "amqp://guest:guest@127.0.0.1:5672/%2F")
JWT_SECRET = "bench-secret-of-at-least-thirty-two-bytes"


@contextlib.contextmanager
def scratch_databases(label: str):
    """Yields `url_for(part)`, the URL of a database of this run; every one handed out is dropped whatever happens."""
    run = f"fwbench_{label}_{uuid.uuid4().hex[:8]}"
    names: dict[str, None] = {}  # in order, once each: a stack may ask for a service's URL more than once

    def url_for(part: str | None = None) -> str:
        name = f"{run}_{part}" if part else run
        names[name] = None
        return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)

    try:
        yield url_for
    finally:
        admin = create_engine(make_url(POSTGRES_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def scratch_database(label: str):
    """The URL of a database made for this run; it is dropped whatever happens."""
    with scratch_databases(label) as url_for:
        yield url_for()


@contextlib.contextmanager
def scratch_app(spec, **extra):
    """A Flask app of the service on a migrated scratch database; its engine is let go before the drop."""
    with scratch_database(spec.name) as url:
        settings = Settings(service=spec.name, database_url=url, broker_url=BROKER_URL, exchange="fwbench.events",
                            queue_prefix="fwbench", jwt_secret=JWT_SECRET, port=0, extra=extra)
        app = create_app(spec, settings)
        _access_log_to_devnull()
        try:
            yield app
        finally:
            app.extensions["fieldwork"].database.dispose()


def _access_log_to_devnull() -> None:
    """The access lines are still formatted (a request's real cost) but kept out of the bench's table."""
    access = logging.getLogger("fieldwork.access")
    handler = logging.StreamHandler(open(os.devnull, "w"))
    handler.setFormatter(JsonFormatter())
    access.handlers[:] = [handler]
    access.propagate = False


def percentile(samples: list[float], share: float) -> float:
    """The sample at that share of the sorted list (0.99 for p99), without interpolating."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(figures: dict) -> None:
    """The last line of every bench: one JSON object with the keys its issue names."""
    print(json.dumps(figures))
