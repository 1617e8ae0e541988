"""leaner writes: indexes another index already serves dropped, and ids of rows nobody names before they are
stored made by the database

Revision ID: 0015
"""
from alembic import op

revision = "0015"
down_revision = "0014"

# Each of these is the same as another index, or its leading columns: a read it could serve, the other serves as
# well, and every row written (an import writes a hundred thousand) paid for both. Reading by account alone goes
# through the account-led indexes the tables keep (customers_listed, contact_emails_address, contact_phones_e164,
# properties_address_key, tags_by_name); a customer's tags and status changes through tags_per_customer and
# status_changes_history.
_DROPPED = {
    "contact_emails_by_address": "contact_emails (account_id, address_lower)",
    "contact_phones_by_e164": "contact_phones (account_id, e164)",
    "customers_by_number": "customers (account_id, number)",
    "customers_name_key": "customers (account_id, lower(display_name) text_pattern_ops)",
    "ix_customers_account_id": "customers (account_id)",
    "ix_contact_emails_account_id": "contact_emails (account_id)",
    "ix_contact_phones_account_id": "contact_phones (account_id)",
    "ix_properties_account_id": "properties (account_id)",
    "ix_tags_account_id": "tags (account_id)",
    "ix_tags_customer_id": "tags (customer_id)",
    "ix_status_changes_customer_id": "status_changes (customer_id)",
}

# Rows a bulk write (an import) stores without naming them afterwards: the database draws their ids, where Python
# would otherwise draw a random id per row.
_IDS_DRAWN_HERE = ("contact_emails", "contact_phones", "tags", "status_changes", "customer_archived_fields")


def upgrade():
    for name in _DROPPED:
        op.execute(f"DROP INDEX {name}")
    for table in _IDS_DRAWN_HERE:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id SET DEFAULT gen_random_uuid()")


def downgrade():
    for table in _IDS_DRAWN_HERE:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id DROP DEFAULT")
    for name, definition in _DROPPED.items():
        op.execute(f"CREATE INDEX {name} ON {definition}")
