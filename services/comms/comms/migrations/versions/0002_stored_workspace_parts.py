"""the part store: comms' workspace part kept until a write to any table below changes it

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
        # customer_id is null while a message sits unmatched: assigning it (null -> customer) or a merge moving it
        # (duplicate -> target) names both sides through the statement's old and new rows.
        "communications": ByColumns(),
        "sms_threads": ByColumns(),
        # communication_id NOT NULL; every communication with a delivery is a send to a customer
        "deliveries": ViaParent("communications", "communication_id"),
        # whether the customer may be shown comes from here too; merged_into names the customer its points count for
        "contact_sources": ByColumns(("customer_id", "merged_into")),
        "contact_points": ByColumns(),
        "merges": ByColumns(("duplicate_id", "target_id")),
        # hangs off merges, whose rows name customers only as duplicate/target, not customer_id: no ViaParent
        "merge_moves": WholeAccount(),
    })
