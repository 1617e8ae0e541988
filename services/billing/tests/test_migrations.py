"""The migrations build exactly what the models describe: a model changed without a revision fails here."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from billing.adapters.orm import Base
from chassis.db.schema import CHASSIS_TABLES

# Differences of these kinds would mean the tables, columns or their types left the models behind.
# (Indexes and checks written in SQL by the revisions are not in the models, so index diffs are not compared.)
STRUCTURAL = {"add_table", "remove_table", "add_column", "remove_column", "modify_type", "modify_nullable"}


def _billing_tables(name, type_, _parent) -> bool:
    return not (type_ == "table" and (name in CHASSIS_TABLES or name == "alembic_version"))


def _kind(diff) -> str:
    return (diff[0] if isinstance(diff, tuple) else diff[0][0])


def test_the_migrated_database_matches_the_models(app):
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection, opts={"include_name": _billing_tables}),
                                 Base.metadata)
    structural = [diff for diff in diffs if _kind(diff) in STRUCTURAL]
    assert structural == []
