"""bill-to: an invoice billed to another customer (the bill-to parent) while the work stays the service customer's

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, watch_tables

revision = "0008"
down_revision = "0007"


def upgrade():
    op.add_column("invoices", sa.Column("bill_to_customer_id", sa.Uuid, nullable=True))
    # Whose books the invoice's money is in: the bill-to customer's when there is one. Stored, so that the open
    # invoices of a payer are read from an index like a customer's own.
    op.execute("ALTER TABLE invoices ADD COLUMN payer_id uuid "
               "GENERATED ALWAYS AS (coalesce(bill_to_customer_id, customer_id)) STORED")
    op.execute("CREATE INDEX invoices_billed_to ON invoices "
               "(account_id, bill_to_customer_id, created_at DESC, id DESC) "
               "WHERE bill_to_customer_id IS NOT NULL")
    op.execute("CREATE INDEX invoices_open_by_payer ON invoices (account_id, payer_id, due_date) "
               "INCLUDE (balance_cents) WHERE status IN ('sent', 'viewed', 'partial')")
    # A billed-to invoice is in both customers' workspace parts: a change to it makes both stale.
    for name in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP TRIGGER parts_stale_on_{name} ON invoices")
    watch_tables(op, {"invoices": ByColumns(("customer_id", "bill_to_customer_id"))})


def downgrade():
    for name in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP TRIGGER parts_stale_on_{name} ON invoices")
    watch_tables(op, {"invoices": ByColumns()})
    op.execute("DROP INDEX invoices_open_by_payer")
    op.execute("DROP INDEX invoices_billed_to")
    op.drop_column("invoices", "payer_id")
    op.drop_column("invoices", "bill_to_customer_id")
