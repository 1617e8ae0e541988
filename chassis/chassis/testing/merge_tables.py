"""For each service's migration tests: its merges tables have the chassis's shape (chassis.merge_follower)."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData, text

from chassis.db.schema import merge_moves, merges
from chassis.testing.old_database import OldDatabase


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


def assert_upgraded_to_the_chassis_shape(old: OldDatabase, columns: str, kept: list[tuple], moves: list[tuple]):
    """Upgrades ``old``: its merge tables then have the chassis's shape and hold the merges ``kept`` (``merge_id``,
    then ``columns``, in any order) and the ``moves`` (merge, table, record) the service kept before."""
    old.upgrade()
    with old.engine.connect() as connection:
        assert merge_table_differences(connection) == []
        merge_rows = connection.execute(text(f"SELECT merge_id, {columns} FROM merges")).all()
        move_rows = connection.execute(text("SELECT merge_id, table_name, record_id FROM merge_moves")).all()
    assert sorted(merge_rows) == sorted(kept)
    assert move_rows == moves
