"""ledger toy tables

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.schema import create_chassis_tables_v1

revision = "0001"
down_revision = None


def upgrade():
    create_chassis_tables_v1(op)
    # Producer side: the state an event describes.
    op.create_table("toy_customers", sa.Column("id", sa.Uuid, primary_key=True),
                    sa.Column("account_id", sa.Uuid, nullable=False), sa.Column("status", sa.String(20)))
    # Consumer side: one row per application of an event, deliberately not unique, so a
    # double application would show as two rows.
    op.create_table("ledger_entries", sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                    sa.Column("event_id", sa.Uuid, nullable=False, index=True),
                    sa.Column("customer_id", sa.Uuid, nullable=False),
                    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False))
    # A customer listed here makes the handler fail (a bug); deleting the row is the fix.
    op.create_table("handler_faults", sa.Column("customer_id", sa.Uuid, primary_key=True))
    op.create_table("handler_attempts", sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                    sa.Column("event_id", sa.Uuid, nullable=False))
