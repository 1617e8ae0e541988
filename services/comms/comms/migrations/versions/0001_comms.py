"""communications, sms threads, deliveries, contact points, merges

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from chassis.db.schema import create_chassis_tables_v1

revision = "0001"
down_revision = None

_TZ = sa.DateTime(timezone=True)


def upgrade():
    create_chassis_tables_v1(op)
    op.create_table(
        "communications",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("customer_id", sa.Uuid),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("handled_by_kind", sa.String(10), nullable=False),
        sa.Column("handled_by_id", sa.Uuid),
        sa.Column("handled_by_name", sa.String(200)),
        sa.Column("from_address", sa.String(320)),
        sa.Column("to_address", sa.String(320)),
        sa.Column("subject", sa.String(300)),
        sa.Column("body", sa.Text),
        sa.Column("duration_seconds", sa.Integer),
        sa.Column("recording_url", sa.Text),
        sa.Column("transcript", sa.Text),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("failure_reason", sa.Text),
        sa.Column("thread_id", sa.Uuid),
        sa.Column("occurred_at", _TZ, nullable=False),
        sa.Column("created_at", _TZ, nullable=False, server_default=sa.func.now()),
        sa.Column("provider_ref", sa.String(100)),
        sa.Column("source_ref", sa.String(120)),
    )
    op.create_index("communications_feed", "communications", ["account_id", "customer_id", "occurred_at", "id"])
    op.create_index("communications_feed_channel", "communications",
                    ["account_id", "customer_id", "channel", "occurred_at", "id"])
    op.create_index("communications_unmatched", "communications", ["account_id", "occurred_at", "id"],
                    postgresql_where=sa.text("customer_id IS NULL"))
    op.create_index("communications_thread", "communications", ["thread_id", "occurred_at", "id"])
    op.create_index("communications_provider_ref", "communications", ["account_id", "channel", "provider_ref"],
                    unique=True, postgresql_where=sa.text("provider_ref IS NOT NULL"))
    op.create_index("communications_source_ref", "communications", ["account_id", "source_ref"],
                    unique=True, postgresql_where=sa.text("source_ref IS NOT NULL"))

    op.create_table(
        "sms_threads",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("counterpart", sa.String(20), nullable=False),
        sa.Column("customer_id", sa.Uuid),
        sa.Column("last_message_at", _TZ, nullable=False),
        sa.Column("last_snippet", sa.String(160)),
    )
    op.create_index("sms_threads_counterpart", "sms_threads", ["account_id", "counterpart"], unique=True)
    op.create_index("sms_threads_customer", "sms_threads", ["account_id", "customer_id", "last_message_at", "id"])

    op.create_table(
        "deliveries",
        sa.Column("communication_id", sa.Uuid, sa.ForeignKey("communications.id"), primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", _TZ, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("attachment", JSONB),
    )
    op.create_index("deliveries_due", "deliveries", ["next_attempt_at"], postgresql_where=sa.text("state = 'pending'"))

    op.create_table(
        "contact_sources",
        sa.Column("customer_id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("merged_into", sa.Uuid),
    )
    op.create_table(
        "contact_points",
        sa.Column("customer_id", sa.Uuid, primary_key=True),
        sa.Column("kind", sa.String(5), primary_key=True),
        sa.Column("value", sa.String(320), primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("contact_points_lookup", "contact_points", ["account_id", "kind", "value"])

    op.create_table(
        "merges",
        sa.Column("merge_id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("duplicate_id", sa.Uuid, nullable=False),
        sa.Column("target_id", sa.Uuid, nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
    )
    op.create_table(
        "merge_moves",
        sa.Column("merge_id", sa.Uuid, primary_key=True),
        sa.Column("record_kind", sa.String(15), primary_key=True),
        sa.Column("record_id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
    )
