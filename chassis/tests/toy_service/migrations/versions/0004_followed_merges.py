"""the customer merges the toy follows (chassis.merge_follower moves its gadgets), watched by the part store

Revision ID: 0004
"""
from alembic import op

from chassis.db.part_store import ByColumns, WholeAccount, watch_tables
from chassis.db.schema import create_merge_tables_v1

revision = "0004"
down_revision = "0003"


def upgrade():
    create_merge_tables_v1(op)
    watch_tables(op, {"merges": ByColumns(("duplicate_id", "target_id")), "merge_moves": WholeAccount()})


def downgrade():
    op.drop_table("merge_moves")
    op.drop_table("merges")
