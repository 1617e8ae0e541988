"""erased customers: who was erased and as what pseudonym, so that an event about them arriving after the erasure
(late, redelivered, or replayed by a rebuild) is emptied of the person as it is applied

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0006"
down_revision = "0005"


def upgrade():
    op.create_table(
        "erased_customers",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        # the customer the erasure named: the same for it and for each customer merged into it
        sa.Column("erased_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("pseudonym", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "customer_id"),
    )
    # An erasure changes its customer's cards.
    watch_tables(op, {"erased_customers": ByColumns()})


def downgrade():
    op.drop_table("erased_customers")
