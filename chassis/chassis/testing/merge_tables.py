"""For each service's migration tests: its merges tables have the chassis's shape (chassis.merge_follower)."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData

from chassis.db.schema import merge_moves, merges


def merge_table_differences(connection: Connection) -> list:
    """What tells the database's ``merges`` and ``merge_moves`` from the chassis's (columns, types, nullability,
    defaults); empty when a service's migrations gave them exactly its shape."""
    expected = MetaData()
    for table in (merges, merge_moves):
        table.to_metadata(expected)
    context = MigrationContext.configure(connection, opts={
        "include_name": lambda name, type_, _parent: type_ != "table" or name in (merges.name, merge_moves.name),
        "compare_type": True, "compare_server_default": True})
    return compare_metadata(context, expected)
