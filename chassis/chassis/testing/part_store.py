"""For each service's tests: the tables whose writes would not make a stored workspace part stale."""
from __future__ import annotations

from sqlalchemy import text

from chassis.db import Database
from chassis.db.tenancy import tenanted_tables


def unwatched_tables(database: Database, *also: str) -> set[str]:
    """This database's account-owned tables (and ``also``, e.g. the customer directory) with no part-store trigger."""
    with database.engine.connect() as connection:
        present = set(connection.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")))
        watched = set(connection.scalars(text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'parts_stale_on_insert'")))
    owned = {table.name for table in tenanted_tables()} | set(also)
    return (owned & present) - watched
