"""the part store: the jobs workspace part kept until a write to any table below (or time) changes it

Revision ID: 0003
"""
from alembic import op

from chassis.db.part_store import ByColumns, WholeAccount, create_part_store_v1

revision = "0003"
down_revision = "0002"


def upgrade():
    # Every account-owned table, written out as it stands at this revision (never read from the models): a table
    # the part does not read today is watched anyway, so a later part reading it cannot answer stale bytes.
    create_part_store_v1(op, {
        "known_customers": ByColumns(("id", "merged_into")),
        "jobs": ByColumns(),
        "estimates": ByColumns(),
        "plans": ByColumns(),
        "photos": ByColumns(),
        "customer_tallies": ByColumns(),
        "activity": ByColumns(),
        "merges": ByColumns(("duplicate_id", "target_id")),
        # record_id points at a job, an estimate or a plan (no foreign key, no customer): the whole account
        "changes": WholeAccount(),
        # hangs off merges, whose rows name customers only as duplicate/target, not customer_id: no ViaParent
        "merged_records": WholeAccount(),
    })
