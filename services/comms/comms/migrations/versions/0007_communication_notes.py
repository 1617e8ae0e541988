"""notes customers keeps about communications, kept from note.changed so a call shows its notes

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ViaParent, watch_tables

revision = "0007"
down_revision = "0006"


def upgrade():
    op.create_table(
        "communication_notes",
        sa.Column("note_id", sa.Uuid, primary_key=True),
        # null once the note is unlinked or deleted: the row stays so an older event arriving late changes nothing
        sa.Column("communication_id", sa.Uuid, nullable=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Uuid, nullable=False, index=True),
    )
    op.create_index("communication_notes_by_communication", "communication_notes",
                    ["account_id", "communication_id", "changed_at", "note_id"])
    # A note shows on its communication, whose customer_id names the customer; moving a note names both sides
    # through the statement's old and new rows.
    watch_tables(op, {"communication_notes": ViaParent("communications", "communication_id")})
