"""Fact generations apart from the snapshots, and the chassis part store watching every account-owned table.

The customer's ``?ai=cached`` insights are kept in ``stored_parts``. A duplicate's facts show on every customer
it is merged into, transitively, so its events must stale their insights too: each event's drop raises the
``fact_generations`` of all of them (merge chains followed), and that table is watched. Snapshots are a cache
of the watched tables (and kept with the generation they were loaded under), so storing one stales nothing.

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

from chassis.db.part_store import ByColumns, ViaParent, WholeAccount, create_part_store_v1

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_table(
        "fact_generations",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", "account_id"),
    )
    # Snapshots stored before keep serving: their generation becomes the current one.
    op.execute("INSERT INTO fact_generations (account_id, customer_id, generation) "
               "SELECT account_id, customer_id, generation FROM fact_snapshots")
    create_part_store_v1(op, {
        "customer_facts": ByColumns(("id",)),
        "merge_facts": ByColumns(("duplicate_id", "target_id")),
        "job_facts": ByColumns(),
        "estimate_facts": ByColumns(),
        "plan_facts": ByColumns(),
        "invoice_facts": ByColumns(),
        "payment_facts": ByColumns(),
        # An allocation changes what its invoice still owes.
        "payment_allocations": ViaParent("invoice_facts", "invoice_id"),
        "balance_facts": ByColumns(),
        "communication_facts": ByColumns(),  # a message matched to no one yet names no customer
        "statement_facts": ByColumns(),
        "ai_answers": ByColumns(),
        # Every customer an event's facts may change, a duplicate's targets included.
        "fact_generations": ByColumns(),
        "threshold_settings": WholeAccount(),
        "openai_settings": WholeAccount(),
        "known_customers": ByColumns(("id", "merged_into")),
    })

