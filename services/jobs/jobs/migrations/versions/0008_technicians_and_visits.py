"""technicians as records of the account, assigned to jobs by id; visits within a job

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from chassis.db.part_store import ByColumns, WholeAccount, watch_tables

revision = "0008"
down_revision = "0007"


def _now():
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def upgrade():
    op.create_table(
        "technicians",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("colour", sa.String(7), nullable=False),
        _now(),
    )
    op.create_index("technicians_by_name", "technicians", ["account_id", "name", "id"])
    op.add_column("jobs", sa.Column("technician_ids", JSONB, nullable=False, server_default="[]"))
    op.create_table(
        "job_visits",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("job_id", sa.Uuid, sa.ForeignKey("jobs.id"), nullable=False),
        sa.Column("customer_id", sa.Uuid, nullable=False),
        sa.Column("scheduled_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scheduled_end", sa.DateTime(timezone=True)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True)),
        sa.Column("technician_ids", JSONB, nullable=False),
        sa.Column("technicians", JSONB, nullable=False),
        sa.Column("notes", sa.Text),
        sa.Column("created_by", sa.String(200), nullable=False),
        _now(),
    )
    op.create_index("visits_by_job", "job_visits", ["account_id", "job_id", "scheduled_start", "id"])
    # A technician names no customer (a rename shows on every job it is on); a visit names its job's customer.
    watch_tables(op, {"technicians": WholeAccount(), "job_visits": ByColumns()})
