"""For each service's migration tests: a scratch database at one of its older revisions, rows written the way that
revision kept them, then upgraded as the service's next start would, and events followed on."""
from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from alembic import command
from fieldwork_contracts import EventData
from sqlalchemy import Engine, create_engine, text

from chassis.db import Database
from chassis.messaging.apply import apply_event
from chassis.migrations import alembic_config, ensure_database, upgrade
from chassis.service import ServiceSpec
from chassis.testing.envelopes import arriving


@dataclass(frozen=True)
class OldDatabase:
    """A service's database as an older revision left it; ``engine`` writes and reads it before and after."""

    url: str
    engine: Engine
    spec: ServiceSpec

    def insert(self, table: str, *rows: dict) -> None:
        """Writes ``rows`` (column → value, the same columns in each) into ``table`` as the old revision has it:
        the service's ORM describes the newest shape, not this one."""
        columns = list(rows[0])
        statement = text(f'INSERT INTO "{table}" ({", ".join(columns)}) '
                         f'VALUES ({", ".join(":" + column for column in columns)})')
        with self.engine.begin() as connection:
            connection.execute(statement, list(rows))

    def upgrade(self) -> None:
        """The rest of the service's revisions, as its next start runs them."""
        upgrade(self.url, self.spec.migrations, create=False)

    def apply(self, account_id: uuid.UUID, *events: EventData) -> list[bool]:
        """Each event, arriving for ``account_id``, applied as the service's consumer applies it, one transaction
        each, in order: what ``apply_event`` answered for each (False for one it had applied already)."""
        database = Database(self.url, service=self.spec.name)
        try:
            return [apply_event(database, self.spec.handlers, arriving(event, account_id)) for event in events]
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
