"""billing tables, money checks and the indexes the reads page over

Revision ID: 0001
"""
from alembic import op

from billing.adapters.orm import Base
from chassis.db.schema import create_chassis_tables_v1

revision = "0001"
down_revision = None

# The first revision creates the tables as the models define them today; later changes are
# explicit revisions, so this one must not be edited once deployed.
_CHECKS = {
    "customer_summaries": "total_billed_cents >= 0 AND total_paid_cents >= 0 AND balance_cents >= 0 "
                          "AND credit_cents >= 0 AND lifetime_value_cents >= 0 AND open_invoice_count >= 0",
    "invoices": "subtotal_cents >= 0 AND tax_cents >= 0 AND paid_cents >= 0 AND credited_cents >= 0 "
                "AND balance_cents >= 0 AND total_cents = subtotal_cents + tax_cents "
                "AND balance_cents = total_cents - paid_cents - credited_cents",
    "invoice_lines": "quantity > 0 AND unit_price_cents >= 0 AND amount_cents >= 0 AND tax_cents >= 0",
    "payments": "amount_cents > 0 AND allocated_cents >= 0 AND refunded_cents >= 0 "
                "AND allocated_cents + refunded_cents <= amount_cents",
    "credit_notes": "amount_cents > 0 AND allocated_cents >= 0 AND allocated_cents <= amount_cents",
    "allocations": "amount_cents >= 0 AND ((payment_id IS NULL) <> (credit_note_id IS NULL))",
    "refunds": "amount_cents > 0",
    "ledger_entries": "debit_cents >= 0 AND credit_cents >= 0",
}


def upgrade():
    create_chassis_tables_v1(op)
    Base.metadata.create_all(op.get_bind())
    for table, condition in _CHECKS.items():
        op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {table}_money CHECK ({condition})")
    op.execute("CREATE UNIQUE INDEX invoices_number ON invoices (account_id, number)")
    op.execute("CREATE INDEX invoices_by_customer ON invoices (account_id, customer_id, created_at DESC, id DESC)")
    op.execute("CREATE INDEX invoices_by_status "
               "ON invoices (account_id, customer_id, status, created_at DESC, id DESC)")
    # Overdue, open count and statements read only open invoices: this index holds nothing else.
    op.execute("CREATE INDEX invoices_open ON invoices (account_id, customer_id, due_date) INCLUDE (balance_cents) "
               "WHERE status IN ('sent', 'viewed', 'partial')")
    op.execute("CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position)")
    op.execute("CREATE INDEX allocations_invoice ON allocations (invoice_id)")
    for table, at in (("payments", "received_at"), ("credit_notes", "created_at"), ("refunds", "created_at")):
        op.execute(f"CREATE INDEX {table}_by_customer ON {table} (account_id, customer_id, {at} DESC, id DESC)")
    # Deferrable so that a merge can renumber two customers' ledgers before the check runs at commit.
    op.execute("ALTER TABLE ledger_entries ADD CONSTRAINT ledger_by_customer "
               "UNIQUE (account_id, customer_id, position) DEFERRABLE INITIALLY IMMEDIATE")
    op.execute("CREATE UNIQUE INDEX credit_notes_number ON credit_notes (account_id, number)")
