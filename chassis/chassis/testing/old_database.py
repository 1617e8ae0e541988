"""For each service's migration tests: a scratch database at one of its older revisions, rows written the way that
revision kept them, then upgraded as the service's next start would, and events followed on."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from alembic import command
from sqlalchemy import Engine, create_engine

from chassis.db import Database
from chassis.messaging.apply import apply_event
from chassis.migrations import alembic_config, ensure_database, upgrade
from chassis.service import ServiceSpec


@dataclass(frozen=True)
class OldDatabase:
    """A service's database as an older revision left it; ``engine`` writes and reads it before and after."""

    url: str
    engine: Engine
    spec: ServiceSpec

    def upgrade(self) -> None:
        """The rest of the service's revisions, as its next start runs them."""
        upgrade(self.url, self.spec.migrations, create=False)

    def apply(self, *envelopes: dict) -> list[bool]:
        """Each event applied as the service's consumer applies it, one transaction each, in order: what
        ``apply_event`` answered for each (False for one it had applied already)."""
        database = Database(self.url, service=self.spec.name)
        try:
            return [apply_event(database, self.spec.handlers, envelope) for envelope in envelopes]
        finally:
            database.dispose()


@contextlib.contextmanager
def database_at(url: str, spec: ServiceSpec, revision: str) -> Iterator[OldDatabase]:
    """A fresh database at ``url`` (``make_database_url(...)``) migrated up to ``revision`` and no further; its
    engine is disposed when the block ends."""
    ensure_database(url)
    command.upgrade(alembic_config(url, spec.migrations), revision)
    engine = create_engine(url)
    try:
        yield OldDatabase(url, engine, spec)
    finally:
        engine.dispose()
