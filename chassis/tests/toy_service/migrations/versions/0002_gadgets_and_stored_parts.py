"""gadgets (a customer's records, with parts under them), account settings, and the part store watching them

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, ViaParent, WholeAccount, create_part_store_v1

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table(
        "gadgets",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("customer_id", sa.Uuid, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "gadget_parts",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("gadget_id", sa.Uuid, sa.ForeignKey("gadgets.id"), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("account_id", sa.Uuid, primary_key=True),
        sa.Column("greeting", sa.String(100), nullable=False),
    )
    create_part_store_v1(op, {
        "known_customers": ByColumns(("id", "merged_into")),
        "widgets": WholeAccount(),
        "gadgets": ByColumns(),
        "gadget_parts": ViaParent("gadgets", "gadget_id"),
        "settings": WholeAccount(),
    })
