"""The read model, its event log, threshold and OpenAI settings, and the AI answer cache.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

from chassis.db.schema import create_chassis_tables_v1

revision = "0001"
down_revision = None


def upgrade():
    create_chassis_tables_v1(op)
    op.create_table('ai_answers',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('input_hash', sa.String(length=64), nullable=False),
    sa.Column('answer', postgresql.JSONB(astext_type=Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', 'account_id')
    )
    op.create_table('balance_facts',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('total_billed_cents', sa.BigInteger(), nullable=False),
    sa.Column('total_paid_cents', sa.BigInteger(), nullable=False),
    sa.Column('balance_cents', sa.BigInteger(), nullable=False),
    sa.Column('overdue_cents', sa.BigInteger(), nullable=False),
    sa.Column('lifetime_value_cents', sa.BigInteger(), nullable=False),
    sa.Column('credit_cents', sa.BigInteger(), nullable=False),
    sa.Column('open_invoice_count', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', 'account_id')
    )
    op.create_table('communication_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_communication_facts_customer_id'), 'communication_facts', ['customer_id'], unique=False)
    op.create_table('customer_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=True),
    sa.Column('display_name', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('lead_source', sa.String(length=100), nullable=True),
    sa.Column('do_not_service', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_table('estimate_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('total_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_estimate_facts_customer_id'), 'estimate_facts', ['customer_id'], unique=False)
    op.create_table('event_log',
    sa.Column('position', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('event_type', sa.String(length=80), nullable=False),
    sa.Column('envelope', postgresql.JSONB(astext_type=Text()), nullable=False),
    sa.Column('logged_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('position'),
    sa.UniqueConstraint('event_id')
    )
    op.create_index(op.f('ix_event_log_account_id'), 'event_log', ['account_id'], unique=False)
    op.create_table('invoice_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('total_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_invoice_facts_customer_id'), 'invoice_facts', ['customer_id'], unique=False)
    op.create_table('job_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('service_type', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('scheduled_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('total_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_job_facts_customer_id'), 'job_facts', ['customer_id'], unique=False)
    op.create_index(op.f('ix_job_facts_plan_id'), 'job_facts', ['plan_id'], unique=False)
    op.create_table('merge_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('duplicate_id', sa.Uuid(), nullable=False),
    sa.Column('target_id', sa.Uuid(), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_merge_facts_duplicate_id'), 'merge_facts', ['duplicate_id'], unique=False)
    op.create_index(op.f('ix_merge_facts_target_id'), 'merge_facts', ['target_id'], unique=False)
    op.create_table('openai_settings',
    sa.Column('encrypted_key', sa.LargeBinary(), nullable=False),
    sa.Column('key_last4', sa.String(length=4), nullable=False),
    sa.Column('model', sa.String(length=100), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('account_id')
    )
    op.create_table('payment_allocations',
    sa.Column('payment_id', sa.Uuid(), nullable=False),
    sa.Column('invoice_id', sa.Uuid(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('payment_id', 'invoice_id', 'account_id')
    )
    op.create_index(op.f('ix_payment_allocations_invoice_id'), 'payment_allocations', ['invoice_id'], unique=False)
    op.create_table('payment_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_payment_facts_customer_id'), 'payment_facts', ['customer_id'], unique=False)
    op.create_table('plan_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('next_visit_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('price_per_visit_cents', sa.BigInteger(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_plan_facts_customer_id'), 'plan_facts', ['customer_id'], unique=False)
    op.create_table('statement_facts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', 'account_id')
    )
    op.create_index(op.f('ix_statement_facts_customer_id'), 'statement_facts', ['customer_id'], unique=False)
    op.create_table('threshold_settings',
    sa.Column('values', postgresql.JSONB(astext_type=Text()), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('account_id')
    )
