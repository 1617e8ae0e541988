"""reviews: a customer's rating (1–5) and comment of a completed job, at most one per job

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0009"
down_revision = "0008"


def upgrade():
    op.create_table(
        "reviews",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("job_id", sa.Uuid, sa.ForeignKey("jobs.id"), nullable=False),
        sa.Column("customer_id", sa.Uuid, nullable=False),
        sa.Column("job_number", sa.String(20), nullable=False),
        sa.Column("job_title", sa.String(200), nullable=False),
        sa.Column("rating", sa.SmallInteger, nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        # A job is reviewed once: two submissions racing each other meet here, not in a read-then-write.
        sa.UniqueConstraint("job_id", name="reviews_one_per_job"),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name="reviews_rating_1_to_5"),
    )
    op.create_index("reviews_by_customer", "reviews", ["account_id", "customer_id", "created_at", "id"])
    # The workspace part shows a customer's reviews: a review written (or moved by a merge) makes it stale.
    watch_tables(op, {"reviews": ByColumns()})
