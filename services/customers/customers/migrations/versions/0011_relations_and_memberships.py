"""relations and memberships: customers linked to each other (bill-to, tenant, household), and the maintenance
plans a customer is enrolled in, kept from the jobs service's plan events

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0011"
down_revision = "0010"


def upgrade():
    op.create_table(
        "customer_relations",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        # One row per link, read from both ends: "customer_id is <kind> of related_id"
        # (bill_to: related_id is the bill-to parent; tenant: related_id is the property manager).
        sa.Column("customer_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("related_id", sa.Uuid, sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("customer_id <> related_id", name="customer_relations_not_self"),
        sa.UniqueConstraint("account_id", "customer_id", "related_id", "kind", name="customer_relations_once"),
    )
    op.create_index("customer_relations_by_customer", "customer_relations", ["account_id", "customer_id"])
    op.create_index("customer_relations_by_related", "customer_relations", ["account_id", "related_id"])
    op.create_table(
        "memberships",
        # The plan's id from the jobs service: one membership per plan, overwritten by its later events.
        sa.Column("plan_id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False),
        sa.Column("customer_id", sa.Uuid, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_on", sa.Date, nullable=True),
        sa.Column("next_visit_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("memberships_by_customer", "memberships", ["account_id", "customer_id"])
    watch_tables(op, {"customer_relations": ByColumns(("customer_id", "related_id")),
                      "memberships": ByColumns()})


def downgrade():
    op.drop_table("memberships")
    op.drop_table("customer_relations")
