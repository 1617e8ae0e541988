"""widgets

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.schema import create_chassis_tables_v1

revision = "0001"
down_revision = None


def upgrade():
    create_chassis_tables_v1(op)
    op.create_table(
        "widgets",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
    )
