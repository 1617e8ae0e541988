"""allocations say when their money counts as on the invoice, so a statement as of a date reads credit then

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade():
    op.add_column("allocations", sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True))
    # existing allocations keep the date statements already gave them: their payment's receipt, their note's issue
    op.execute("""
        UPDATE allocations AS a SET applied_at = COALESCE(
            (SELECT p.received_at FROM payments p WHERE p.id = a.payment_id),
            (SELECT n.created_at FROM credit_notes n WHERE n.id = a.credit_note_id),
            a.created_at)""")
    op.alter_column("allocations", "applied_at", nullable=False)


def downgrade():
    op.drop_column("allocations", "applied_at")
