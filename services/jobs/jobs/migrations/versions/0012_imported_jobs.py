"""jobs imported from another system: the system's name and the job's number there (null for our own jobs)

Revision ID: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade():
    op.add_column("jobs", sa.Column("imported_from", sa.String(60)))
    op.add_column("jobs", sa.Column("source_number", sa.String(40)))


def downgrade():
    op.drop_column("jobs", "source_number")
    op.drop_column("jobs", "imported_from")
