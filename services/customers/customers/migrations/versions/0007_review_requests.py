"""review requests: one per completed job, sent as a portal invitation by the customer's preferred channel; the
account's setting that turns them off; an invitation by text has no email

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, WholeAccount, watch_tables

revision = "0007"
down_revision = "0006"


def upgrade():
    op.alter_column("portal_invites", "email", nullable=True)
    op.create_table(
        "review_requests",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("job_id", sa.Uuid, nullable=False),
        sa.Column("job_number", sa.String(20), nullable=False),
        sa.Column("invite_id", sa.Uuid, sa.ForeignKey("portal_invites.id"), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        # At most one request per job, however often its completion is heard (redelivered, replayed).
        sa.UniqueConstraint("account_id", "job_id", name="review_requests_one_per_job"),
    )
    op.create_index("review_requests_by_customer", "review_requests", ["account_id", "customer_id", "created_at"])
    op.create_table(
        "review_settings",
        sa.Column("account_id", sa.Uuid, primary_key=True),
        sa.Column("send_review_requests", sa.Boolean, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Neither is read by the workspace part today; watched so that a part reading them later is never stale.
    watch_tables(op, {"review_requests": ByColumns(), "review_settings": WholeAccount()})
