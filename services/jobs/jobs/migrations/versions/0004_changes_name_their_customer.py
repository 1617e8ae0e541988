"""history rows name their record's customer, so the part store watches them per customer, not per account

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0004"
down_revision = "0003"

# Every job, estimate and plan write keeps history rows; watched account-wide (0003), each one made every stored
# part of the account stale, whichever customer it was about.
RECORD_TABLES = {"job": "jobs", "estimate": "estimates", "plan": "plans"}


def upgrade():
    op.add_column("changes", sa.Column("customer_id", sa.Uuid, nullable=True))
    for kind, table in RECORD_TABLES.items():
        # The record's customer today: merges moved records, and older rows name whoever holds them now.
        op.execute(f"UPDATE changes c SET customer_id = r.customer_id FROM {table} r "
                   f"WHERE c.record_kind = '{kind}' AND c.record_id = r.id AND c.account_id = r.account_id")
    # Jobs, estimates and plans are never deleted, so every history row found its record.
    op.alter_column("changes", "customer_id", nullable=False)
    for action in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP TRIGGER parts_stale_on_{action} ON changes")
    watch_tables(op, {"changes": ByColumns()})
