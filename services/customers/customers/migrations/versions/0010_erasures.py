"""erasures: who erased which customer and when (a privacy request), the audit trail kept after the person is gone

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0010"
down_revision = "0009"


def upgrade():
    op.create_table(
        "erasures",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
        # The people-facing number and the pseudonym only: the audit trail must not keep what it erased.
        sa.Column("customer_number", sa.String(20), nullable=False),
        sa.Column("pseudonym", sa.String(200), nullable=False),
        sa.Column("erased_by", sa.String(200), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        # A customer is erased once: asking again answers the first erasure.
        sa.UniqueConstraint("account_id", "customer_id", name="erasures_one_per_customer"),
    )
    op.create_index("erasures_by_time", "erasures", ["account_id", "erased_at", "id"])
    # Not read by the workspace part today; watched so that a part reading it later is never stale.
    watch_tables(op, {"erasures": ByColumns()})


def downgrade():
    op.drop_table("erasures")
