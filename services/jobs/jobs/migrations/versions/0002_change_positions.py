"""changes keep the order they were written in

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    # Several fields changed in one edit share a moment; the position keeps them in the order they were written.
    op.add_column("changes", sa.Column("position", sa.BigInteger, sa.Identity(), nullable=False))
    op.drop_index("changes_by_record", table_name="changes")
    op.create_index("changes_by_record", "changes", ["account_id", "record_id", "position"])
