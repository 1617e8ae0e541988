"""imports that keep failing stop: the attempts of the batch at the import's position, and why the last one failed

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade():
    op.add_column("imports", sa.Column("attempts", sa.Integer, nullable=False, server_default="0"))
    # The kind of error only (a driver's message quotes the row's values, which are personal data).
    op.add_column("imports", sa.Column("error", sa.String(300)))


def downgrade():
    op.drop_column("imports", "error")
    op.drop_column("imports", "attempts")
