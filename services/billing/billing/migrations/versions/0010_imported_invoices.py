"""imported invoices: the system a past invoice came from and its number there

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade():
    # Both null on a native invoice. An imported one also has one of our numbers; these say where it came from, so
    # people can find it by the number their old system printed on it.
    op.add_column("invoices", sa.Column("imported_from", sa.String(60), nullable=True))
    op.add_column("invoices", sa.Column("source_number", sa.String(40), nullable=True))


def downgrade():
    op.drop_column("invoices", "source_number")
    op.drop_column("invoices", "imported_from")
