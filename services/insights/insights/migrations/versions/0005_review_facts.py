"""review facts: each rating a customer gave a completed job (review.received), for the low-rating follow-up card

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0005"
down_revision = "0004"


def upgrade():
    op.create_table(
        "review_facts",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("job_number", sa.String(20), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "id"),
    )
    op.create_index("review_facts_latest", "review_facts", ["account_id", "customer_id", "received_at"])
    # A rating changes its customer's cards.
    watch_tables(op, {"review_facts": ByColumns()})
