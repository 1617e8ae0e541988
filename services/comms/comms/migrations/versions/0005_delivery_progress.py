"""communications.attempts and next_attempt_at: a send's retries shown where the message is read

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade():
    op.add_column("communications", sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("communications", sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(sa.text(
        "UPDATE communications c SET attempts = d.attempts, "
        "next_attempt_at = CASE WHEN d.state = 'pending' THEN d.next_attempt_at END "
        "FROM deliveries d WHERE d.communication_id = c.id"))
