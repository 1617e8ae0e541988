"""the part store: billing's workspace part kept until a write to any table below (or time) changes it

Revision ID: 0002
"""
from alembic import op

from chassis.db.part_store import ByColumns, ViaParent, WholeAccount, create_part_store_v1

revision = "0002"
down_revision = "0001"


def upgrade():
    # Every account-owned table, written out as it stands at this revision (never read from the models): a table
    # the part does not read today is watched anyway, so a later part reading it cannot answer stale bytes.
    create_part_store_v1(op, {
        "known_customers": ByColumns(("id", "merged_into")),
        "customer_summaries": ByColumns(),
        "invoices": ByColumns(),
        "invoice_lines": ViaParent("invoices", "invoice_id"),  # invoice_id NOT NULL
        "payments": ByColumns(),
        "credit_notes": ByColumns(),
        "allocations": ViaParent("invoices", "invoice_id"),  # invoice_id NOT NULL; payment/credit note links nullable
        "refunds": ByColumns(),  # names its customer; its invoice link is nullable
        "ledger_entries": ByColumns(),
        "cards_on_file": ByColumns(),
        "statement_requests": ByColumns(),
        "merges": ByColumns(("duplicate_id", "target_id")),
        # hangs off merges, whose rows name customers only as duplicate/target, not customer_id: no ViaParent
        "merge_moves": WholeAccount(),
    })
