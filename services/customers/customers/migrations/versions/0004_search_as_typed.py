"""search indexes scoped by account: word prefixes, contains and typos of names and addresses in one GIN each

Revision ID: 0004
"""
from alembic import op

revision = "0004"
down_revision = "0003"

# Every search lookup starts from (account_id, key), so another account's rows are never read: btree_gin puts the
# account into the trigram GIN indexes. Names and addresses are indexed with a leading space so that
# LIKE '% jam%' (a word starting with "jam") is answered by the same index as LIKE '%jam%'.
_UP = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "DROP INDEX IF EXISTS customers_name_trgm",
    "CREATE INDEX customers_words_trgm ON customers USING gin (account_id, (' ' || search_name) gin_trgm_ops)",
    "CREATE INDEX customers_name_exact ON customers (account_id, lower(display_name) text_pattern_ops, id)",
    "DROP INDEX IF EXISTS contact_emails_address_trgm",
    "CREATE INDEX contact_emails_address_trgm ON contact_emails USING gin (account_id, address_lower gin_trgm_ops)",
    "DROP INDEX IF EXISTS contact_phones_digits_trgm",
    "CREATE INDEX contact_phones_digits_trgm ON contact_phones USING gin (account_id, digits gin_trgm_ops)",
    "CREATE INDEX properties_address_trgm ON properties USING gin "
    "(account_id, (' ' || lower(line1 || ' ' || city || ' ' || postal_code)) gin_trgm_ops)",
]

_DOWN = [
    "DROP INDEX IF EXISTS properties_address_trgm",
    "DROP INDEX IF EXISTS contact_phones_digits_trgm",
    "CREATE INDEX contact_phones_digits_trgm ON contact_phones USING gin (digits gin_trgm_ops)",
    "DROP INDEX IF EXISTS contact_emails_address_trgm",
    "CREATE INDEX contact_emails_address_trgm ON contact_emails USING gin (address_lower gin_trgm_ops)",
    "DROP INDEX IF EXISTS customers_name_exact",
    "DROP INDEX IF EXISTS customers_words_trgm",
    "CREATE INDEX customers_name_trgm ON customers USING gin (search_name gin_trgm_ops)",
]


def upgrade():
    for statement in _UP:
        op.execute(statement)


def downgrade():
    for statement in _DOWN:
        op.execute(statement)
