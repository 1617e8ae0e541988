"""customers flagged do-not-service, kept from their snapshots: no marketing or review requests for them

Revision ID: 0006
"""
from alembic import op

from chassis.do_not_service import create_holds_table_v1

revision = "0006"
down_revision = "0005"


def upgrade():
    create_holds_table_v1(op)
