"""customers, contacts, properties, equipment, notes, tags, status history, merges, portal invites

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chassis.db.schema import create_chassis_tables_v1

revision = '0001'
down_revision = None


def upgrade():
    create_chassis_tables_v1(op)
    op.create_table('customers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_set_by_hand_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('preferred_channel', sa.String(length=10), nullable=True),
    sa.Column('lead_source', sa.String(length=100), nullable=True),
    sa.Column('do_not_service', sa.Boolean(), nullable=False),
    sa.Column('do_not_service_reason', sa.String(length=500), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('last_contacted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_follow_up_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('merged_into', sa.Uuid(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('search_name', sa.Text(),
              sa.Computed("lower(display_name || ' ' || coalesce(company, ''))", persisted=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_customers_account_id'), 'customers', ['account_id'], unique=False)
    op.create_table('contacts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=100), nullable=True),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_contacts_account_id'), 'contacts', ['account_id'], unique=False)
    op.create_index(op.f('ix_contacts_customer_id'), 'contacts', ['customer_id'], unique=False)
    op.create_table('merges',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('target_id', sa.Uuid(), nullable=False),
    sa.Column('duplicate_id', sa.Uuid(), nullable=False),
    sa.Column('merged_by', sa.String(length=200), nullable=False),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('moved', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('undone_by', sa.String(length=200), nullable=True),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_id'], ['customers.id'], ),
    sa.ForeignKeyConstraint(['target_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_merges_account_id'), 'merges', ['account_id'], unique=False)
    op.create_index(op.f('ix_merges_duplicate_id'), 'merges', ['duplicate_id'], unique=False)
    op.create_index(op.f('ix_merges_target_id'), 'merges', ['target_id'], unique=False)
    op.create_table('notes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('communication_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_notes_account_id'), 'notes', ['account_id'], unique=False)
    op.create_index(op.f('ix_notes_customer_id'), 'notes', ['customer_id'], unique=False)
    op.create_table('portal_invites',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('redeemed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_portal_invites_account_id'), 'portal_invites', ['account_id'], unique=False)
    op.create_index(op.f('ix_portal_invites_customer_id'), 'portal_invites', ['customer_id'], unique=False)
    op.create_table('properties',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('line1', sa.String(length=200), nullable=False),
    sa.Column('line2', sa.String(length=200), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('region', sa.String(length=100), nullable=False),
    sa.Column('postal_code', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('access_notes', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('geocode_status', sa.String(length=20), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('formatted_address', sa.String(length=300), nullable=True),
    sa.Column('geocoded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('geocode_error', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('address_key', sa.Text(),
              sa.Computed("lower(line1) || '|' || lower(postal_code)", persisted=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_properties_account_id'), 'properties', ['account_id'], unique=False)
    op.create_index(op.f('ix_properties_customer_id'), 'properties', ['customer_id'], unique=False)
    op.create_table('status_changes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('automatic', sa.Boolean(), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cause', sa.String(length=200), nullable=True),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_status_changes_account_id'), 'status_changes', ['account_id'], unique=False)
    op.create_index(op.f('ix_status_changes_customer_id'), 'status_changes', ['customer_id'], unique=False)
    op.create_table('tags',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_lower', sa.String(length=40), sa.Computed('lower(name)', persisted=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_tags_account_id'), 'tags', ['account_id'], unique=False)
    op.create_index(op.f('ix_tags_customer_id'), 'tags', ['customer_id'], unique=False)
    op.create_table('contact_emails',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=254), nullable=False),
    sa.Column('address_lower', sa.String(length=254), sa.Computed('lower(address)', persisted=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_contact_emails_account_id'), 'contact_emails', ['account_id'], unique=False)
    op.create_index(op.f('ix_contact_emails_contact_id'), 'contact_emails', ['contact_id'], unique=False)
    op.create_table('contact_phones',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('entered', sa.String(length=40), nullable=False),
    sa.Column('e164', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=20), nullable=True),
    sa.Column('digits', sa.String(length=16), sa.Computed("ltrim(e164, '+')", persisted=True), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_contact_phones_account_id'), 'contact_phones', ['account_id'], unique=False)
    op.create_index(op.f('ix_contact_phones_contact_id'), 'contact_phones', ['contact_id'], unique=False)
    op.create_table('equipment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('property_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('make', sa.String(length=100), nullable=True),
    sa.Column('model', sa.String(length=100), nullable=True),
    sa.Column('serial', sa.String(length=100), nullable=True),
    sa.Column('installed_on', sa.Date(), nullable=True),
    sa.Column('warranty_until', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['property_id'], ['properties.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_equipment_account_id'), 'equipment', ['account_id'], unique=False)
    op.create_index(op.f('ix_equipment_property_id'), 'equipment', ['property_id'], unique=False)
    _indexes()


# Search stays an index lookup at 100,000 customers: trigram GIN indexes answer "contains" and
# "similar to" over names, emails and phone digits; btree ones answer exact keys and duplicates.
_INDEXES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE UNIQUE INDEX customers_number ON customers (account_id, number)",
    "CREATE INDEX customers_listed ON customers (account_id, created_at DESC, id DESC) WHERE merged_into IS NULL",
    "CREATE INDEX customers_name_trgm ON customers USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX customers_name_key ON customers (account_id, lower(display_name) text_pattern_ops)",
    "CREATE INDEX contact_emails_address ON contact_emails (account_id, address_lower)",
    "CREATE INDEX contact_emails_address_trgm ON contact_emails USING gin (address_lower gin_trgm_ops)",
    "CREATE INDEX contact_phones_e164 ON contact_phones (account_id, e164)",
    "CREATE INDEX contact_phones_digits_trgm ON contact_phones USING gin (digits gin_trgm_ops)",
    "CREATE INDEX properties_address_key ON properties (account_id, address_key)",
    "CREATE UNIQUE INDEX tags_per_customer ON tags (customer_id, name_lower)",
    "CREATE INDEX tags_by_name ON tags (account_id, name_lower)",
    "CREATE INDEX notes_pinned_first ON notes (customer_id, pinned DESC, created_at DESC, id DESC)",
    "CREATE INDEX notes_timeline ON notes (customer_id, created_at DESC, id DESC)",
    "CREATE INDEX status_changes_history ON status_changes (customer_id, changed_at DESC, id DESC)",
    "CREATE INDEX portal_invites_listed ON portal_invites (customer_id, created_at DESC, id DESC)",
    # At most one primary per customer, checked at commit so a primary can be handed over in one flush.
    "ALTER TABLE contacts ADD CONSTRAINT contacts_one_primary EXCLUDE USING btree (customer_id WITH =) "
    "WHERE (is_primary) DEFERRABLE INITIALLY DEFERRED",
    "ALTER TABLE properties ADD CONSTRAINT properties_one_primary EXCLUDE USING btree (customer_id WITH =) "
    "WHERE (is_primary) DEFERRABLE INITIALLY DEFERRED",
]


def _indexes():
    for statement in _INDEXES:
        op.execute(statement)
