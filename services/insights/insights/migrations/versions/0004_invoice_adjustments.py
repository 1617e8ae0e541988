"""credits applied to invoices and refunds taken back off them: what an invoice owes follows every billing event

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ViaParent, watch_tables

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_table(
        "invoice_adjustments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", "account_id"),
    )
    op.create_index("ix_invoice_adjustments_invoice_id", "invoice_adjustments", ["invoice_id"])
    # An adjustment changes what its invoice still owes.
    watch_tables(op, {"invoice_adjustments": ViaParent("invoice_facts", "invoice_id")})
