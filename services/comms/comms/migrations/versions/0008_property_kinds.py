"""kept properties carry their kind (residential, commercial, …), as customer snapshots now say

Revision ID: 0008
"""
from alembic import op

from chassis.db.schema import add_property_kinds_v3

revision = "0008"
down_revision = "0007"


def upgrade():
    add_property_kinds_v3(op)


def downgrade():
    op.drop_column("known_properties", "kind")
