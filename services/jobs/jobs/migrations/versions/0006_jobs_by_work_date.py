"""jobs ordered by the date the work was (or will be) done: a computed work_at and its indexes

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade():
    op.add_column("jobs", sa.Column("work_at", sa.DateTime(timezone=True),
                                    sa.Computed("COALESCE(completed_at, scheduled_start, created_at)", persisted=True),
                                    nullable=False))
    op.create_index("jobs_by_customer_work_date", "jobs", ["account_id", "customer_id", "work_at", "id"])
    op.create_index("jobs_by_work_date", "jobs", ["account_id", "work_at", "id"])
