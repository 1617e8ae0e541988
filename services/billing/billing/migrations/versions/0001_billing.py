"""billing tables, money checks and the indexes the reads page over

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.schema import create_chassis_tables_v1

revision = "0001"
down_revision = None

# Written out in full (not built from the models, which change after this revision): a database made
# from scratch and one migrated over the years must end up with the same schema. Never edit it once
# deployed; changes are new revisions.
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
    _create_tables()
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


def _create_tables():
    op.create_table('cards_on_file',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('processor_token', sa.String(length=200), nullable=False),
    sa.Column('brand', sa.String(length=20), nullable=False),
    sa.Column('last4', sa.String(length=4), nullable=False),
    sa.Column('exp_month', sa.Integer(), nullable=False),
    sa.Column('exp_year', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('customer_id')
    )
    op.create_index(op.f('ix_cards_on_file_account_id'), 'cards_on_file', ['account_id'], unique=False)
    op.create_table('credit_notes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('allocated_cents', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_credit_notes_account_id'), 'credit_notes', ['account_id'], unique=False)
    op.create_table('customer_summaries',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('total_billed_cents', sa.BigInteger(), nullable=False),
    sa.Column('total_paid_cents', sa.BigInteger(), nullable=False),
    sa.Column('balance_cents', sa.BigInteger(), nullable=False),
    sa.Column('credit_cents', sa.BigInteger(), nullable=False),
    sa.Column('lifetime_value_cents', sa.BigInteger(), nullable=False),
    sa.Column('open_invoice_count', sa.Integer(), nullable=False),
    sa.Column('ledger_position', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('customer_id')
    )
    op.create_index(op.f('ix_customer_summaries_account_id'), 'customer_summaries', ['account_id'], unique=False)
    op.create_table('invoices',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('job_id', sa.Uuid(), nullable=True),
    sa.Column('property_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('subtotal_cents', sa.BigInteger(), nullable=False),
    sa.Column('tax_cents', sa.BigInteger(), nullable=False),
    sa.Column('total_cents', sa.BigInteger(), nullable=False),
    sa.Column('paid_cents', sa.BigInteger(), nullable=False),
    sa.Column('credited_cents', sa.BigInteger(), nullable=False),
    sa.Column('balance_cents', sa.BigInteger(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('viewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_invoices_account_id'), 'invoices', ['account_id'], unique=False)
    op.create_table('ledger_entries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('debit_cents', sa.BigInteger(), nullable=False),
    sa.Column('credit_cents', sa.BigInteger(), nullable=False),
    sa.Column('running_balance_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_ledger_entries_account_id'), 'ledger_entries', ['account_id'], unique=False)
    op.create_table('merges',
    sa.Column('merge_id', sa.Uuid(), nullable=False),
    sa.Column('duplicate_id', sa.Uuid(), nullable=False),
    sa.Column('target_id', sa.Uuid(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('unmerged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('merge_id')
    )
    op.create_index(op.f('ix_merges_account_id'), 'merges', ['account_id'], unique=False)
    op.create_table('payments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('allocated_cents', sa.BigInteger(), nullable=False),
    sa.Column('refunded_cents', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_payments_account_id'), 'payments', ['account_id'], unique=False)
    op.create_table('statement_requests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('requested_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_statement_requests_account_id'), 'statement_requests', ['account_id'], unique=False)
    op.create_table('allocations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('invoice_id', sa.Uuid(), nullable=False),
    sa.Column('payment_id', sa.Uuid(), nullable=True),
    sa.Column('credit_note_id', sa.Uuid(), nullable=True),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['credit_note_id'], ['credit_notes.id'], ),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], ),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_allocations_account_id'), 'allocations', ['account_id'], unique=False)
    op.create_table('invoice_lines',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('invoice_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('unit_price_cents', sa.BigInteger(), nullable=False),
    sa.Column('tax_rate', sa.Numeric(precision=6, scale=3), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('tax_cents', sa.BigInteger(), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_invoice_lines_account_id'), 'invoice_lines', ['account_id'], unique=False)
    op.create_table('merge_moves',
    sa.Column('merge_id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['merge_id'], ['merges.merge_id'], ),
    sa.PrimaryKeyConstraint('merge_id', 'table_name', 'record_id')
    )
    op.create_index(op.f('ix_merge_moves_account_id'), 'merge_moves', ['account_id'], unique=False)
    op.create_table('refunds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('payment_id', sa.Uuid(), nullable=False),
    sa.Column('invoice_id', sa.Uuid(), nullable=True),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('destination', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], ),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_refunds_account_id'), 'refunds', ['account_id'], unique=False)
