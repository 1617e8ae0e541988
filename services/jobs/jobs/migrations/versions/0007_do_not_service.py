"""customers flagged do-not-service, kept from their snapshots: new work for them needs an override

Revision ID: 0007
"""
from alembic import op

from chassis.do_not_service import create_holds_table_v1

revision = "0007"
down_revision = "0006"


def upgrade():
    create_holds_table_v1(op)
