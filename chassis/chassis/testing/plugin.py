"""Fixtures for testing a Fieldwork service against real PostgreSQL and RabbitMQ.

Each run gets its own databases (``fwtest_<run>_<name>``) and its own exchange and queue names,
and removes them afterwards, so runs on one machine never see each other's data.
"""
from __future__ import annotations

import os
import uuid

import pytest
from fieldwork_contracts.permissions import ALL_PERMISSIONS
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chassis.auth import mint_token
from chassis.settings import Settings
from chassis.testing.infrastructure import Infrastructure

# The kit's assert_* helpers fail inside the kit: rewritten, their failures show the values, not a bare AssertionError.
pytest.register_assert_rewrite("chassis.testing.merge_tables", "chassis.testing.part_store",
                               "chassis.testing.workspace_part")

TEST_JWT_SECRET = "fieldwork-test-secret-of-at-least-32-bytes"


@pytest.fixture(scope="session")
def infrastructure():
    infra = Infrastructure().start()
    yield infra
    infra.stop()


@pytest.fixture(scope="session")
def run_id() -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{uuid.uuid4().hex[:8]}_{worker}"


@pytest.fixture(scope="session")
def make_database_url(infrastructure, run_id):
    """``make_database_url("customers")`` → the URL of a fresh database, dropped when the run ends."""
    created: list[str] = []
    base = make_url(infrastructure.postgres_url)

    def make(name: str) -> str:
        database = f"fwtest_{run_id}_{name}_{len(created)}".lower()
        created.append(database)
        return base.set(database=database).render_as_string(hide_password=False)

    yield make
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for database in created:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def broker_names(infrastructure, run_id):
    """The run's own exchange and queue prefix; every queue and exchange under them is deleted at the end."""
    names = {"exchange": f"fwtest.{run_id}.events", "queue_prefix": f"fwtest.{run_id}"}
    yield names
    from chassis.testing.broker_cleanup import delete_run_topology
    delete_run_topology(infrastructure.broker_url, names)


@pytest.fixture(scope="session")
def make_settings(make_database_url, broker_names, infrastructure):
    """``make_settings("customers")`` → Settings on a fresh database and the run's broker names."""

    def make(service: str, *, uses_database: bool = True, **extra) -> Settings:
        return Settings(
            service=service,
            database_url=make_database_url(service) if uses_database else None,
            broker_url=infrastructure.broker_url,
            exchange=broker_names["exchange"],
            queue_prefix=broker_names["queue_prefix"],
            jwt_secret=TEST_JWT_SECRET,
            port=0,
            extra=extra,
        )

    return make


@pytest.fixture
def account_id() -> uuid.UUID:
    """A fresh account per test: tests share databases but never each other's data."""
    return uuid.uuid4()


@pytest.fixture
def make_token():
    def make(account_id: uuid.UUID, perms=ALL_PERMISSIONS, sub: str = "user-1", ttl_seconds: int = 3600,
             name: str | None = None) -> str:
        return mint_token(TEST_JWT_SECRET, sub=sub, account_id=account_id, perms=perms, ttl_seconds=ttl_seconds,
                          name=name)
    return make


@pytest.fixture
def auth(make_token, account_id):
    """Headers of a user of ``account_id`` with every permission."""
    return {"Authorization": f"Bearer {make_token(account_id)}"}


@pytest.fixture
def other_auth(make_token):
    """Headers of a user of another account, for proving tenancy (404, never data)."""
    return {"Authorization": f"Bearer {make_token(uuid.uuid4())}"}


@pytest.fixture(scope="session")
def make_app(make_settings):
    """``make_app(SPEC, adapters={...})`` → the service's Flask app on a fresh, migrated database."""
    from chassis.app import create_app

    def make(spec, *, adapters: dict | None = None, settings: Settings | None = None, **extra):
        settings = settings or make_settings(spec.name, uses_database=spec.migrations is not None, **extra)
        return create_app(spec, settings, adapters=adapters)

    return make


@pytest.fixture
def deliver():
    """``deliver(app, envelope)`` applies an event through the same code path as the consumer process."""
    from chassis.messaging.apply import apply_event

    def apply(app, envelope: dict) -> bool:
        runtime = app.extensions["fieldwork"]
        return apply_event(runtime.database, runtime.spec.handlers, envelope, runtime.adapters)

    return apply


@pytest.fixture
def emitted():
    """``emitted(app, account_id, "customer.merged")`` → the envelopes of that type in the service's outbox.

    ``app`` may also be a real process (``service_process``): its own events, as it published them, are what
    another service under test is then given."""
    from sqlalchemy import select

    from chassis.db.schema import outbox
    from chassis.testing.processes import ServiceProcess

    def read(app, account_id, event_type: str | None = None) -> list[dict]:
        stmt = select(outbox.c.envelope).where(outbox.c.account_id == account_id).order_by(outbox.c.position)
        if event_type:
            stmt = stmt.where(outbox.c.event_type == event_type)
        if isinstance(app, ServiceProcess):
            engine = create_engine(app.env[f"FIELDWORK_{app.service.upper()}_DATABASE_URL"])
            try:
                with engine.connect() as connection:
                    return list(connection.scalars(stmt))
            finally:
                engine.dispose()
        with app.extensions["fieldwork"].database.engine.connect() as connection:
            return list(connection.scalars(stmt))

    return read


@pytest.fixture(scope="session")
def service_process(make_settings, tmp_path_factory):
    """``service_process("customers", FIELDWORK_CUSTOMERS_URL=…)`` → that service's real web process on a fresh
    database, started once per session for the same service and environment, stopped at the end.

    A service under test asks other services about ids it has not heard of yet; those answers come from the real
    service, never a stand-in."""
    from chassis.testing.processes import ServiceProcess, free_port, settings_env

    started: dict[tuple, ServiceProcess] = {}

    def start(service: str, *, port: int | None = None, **env: str) -> ServiceProcess:
        """``port``: one chosen beforehand, when two services must each know the other's address."""
        key = (service, port, tuple(sorted(env.items())))
        if key not in started:
            process = ServiceProcess(service, "web", {**settings_env(make_settings(service)), **env},
                                     port=port or free_port(), log_dir=tmp_path_factory.mktemp(f"{service}-service"))
            started[key] = process.start().wait_healthy(60)
        return started[key]

    yield start
    for process in started.values():
        process.stop()
