"""stored parts: the watch triggers leave the marking to a bulk writer that marks its customers once, after

Revision ID: 0016
"""
from alembic import op

from chassis.db.part_store import downgrade_part_store_v2, upgrade_part_store_v2

revision = "0016"
down_revision = "0015"


def upgrade():
    upgrade_part_store_v2(op)


def downgrade():
    downgrade_part_store_v2(op)
