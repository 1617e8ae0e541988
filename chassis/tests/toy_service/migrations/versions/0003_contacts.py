"""contacts: a row whose insert the database refuses, so the logs' handling of driver errors can be proven

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import WholeAccount, watch_tables

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_table(
        "toy_contacts",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
        sa.Column("email", sa.String(200), nullable=False, unique=True),
        sa.Column("note", sa.Text, nullable=False),
        # Only the database holds notes short, so a long one fails there, quoting the row in its DETAIL.
        sa.CheckConstraint("char_length(note) <= 20", name="toy_contacts_short_note"),
    )
    watch_tables(op, {"toy_contacts": WholeAccount()})
