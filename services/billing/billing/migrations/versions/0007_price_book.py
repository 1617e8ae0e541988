"""the account's price book, and the requests to email a customer their pricing table

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"


def upgrade():
    op.create_table(
        "price_book_items",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("unit_price_cents", sa.BigInteger(), nullable=False),
        sa.Column("kind_prices", JSONB(), nullable=False),
        sa.Column("tax_rate", sa.Numeric(6, 3), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_price_book_items_account_id", "price_book_items", ["account_id"])
    # One live item per name in an account: two "Spring tune-up"s would make a picked line ambiguous.
    op.execute("CREATE UNIQUE INDEX uq_price_book_items_live_name ON price_book_items (account_id, lower(name)) "
               "WHERE archived_at IS NULL")
    op.create_table(
        "pricing_table_requests",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pricing_table_requests_account_id", "pricing_table_requests", ["account_id"])


def downgrade():
    op.drop_table("pricing_table_requests")
    op.drop_table("price_book_items")
