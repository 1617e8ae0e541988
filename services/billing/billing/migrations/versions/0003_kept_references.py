"""the properties and other services' records a body may refer to, kept from events so references are checked

Revision ID: 0003
"""
from alembic import op

from chassis.db.schema import create_chassis_tables_v2

revision = "0003"
down_revision = "0002"


def upgrade():
    create_chassis_tables_v2(op)
