"""the price book's tables watched by the part store, like every account-owned table

Revision ID: 0009
"""
from alembic import op

from chassis.db.part_store import ByColumns, WholeAccount, watch_tables

revision = "0009"
down_revision = "0008"


def upgrade():
    # No workspace part reads them today; watched anyway, so a part that shows them later cannot answer stale bytes.
    watch_tables(op, {
        "price_book_items": WholeAccount(),  # an item prices every customer of the account
        "pricing_table_requests": ByColumns(),
    })


def downgrade():
    for table in ("price_book_items", "pricing_table_requests"):
        for name in ("insert", "update", "delete", "truncate"):
            op.execute(f"DROP TRIGGER parts_stale_on_{name} ON {table}")
