"""the part store: the customers workspace part kept until a write to any table below changes it

Revision ID: 0002
"""
from alembic import op

from chassis.db.part_store import ByColumns, ViaParent, create_part_store_v1

revision = "0002"
down_revision = "0001"


def upgrade():
    # Every account-owned table, written out as it stands at this revision (never read from the models): a table
    # the part does not read today (invites, merges) is watched anyway, so a later part reading it cannot answer
    # stale bytes.
    create_part_store_v1(op, {
        # The chassis directory: empty here (this service owns the customers), watched so it can never be forgotten.
        "known_customers": ByColumns(("id", "merged_into")),
        # A merge or its undo changes the duplicate's row (merged_into): the old and new rows name both customers.
        "customers": ByColumns(("id", "merged_into")),
        "contacts": ByColumns(),
        "contact_emails": ViaParent("contacts", "contact_id"),  # contact_id NOT NULL
        "contact_phones": ViaParent("contacts", "contact_id"),  # contact_id NOT NULL
        "properties": ByColumns(),
        "equipment": ViaParent("properties", "property_id"),  # property_id NOT NULL
        "notes": ByColumns(),
        "tags": ByColumns(),
        "status_changes": ByColumns(),
        "portal_invites": ByColumns(),
        "merges": ByColumns(("duplicate_id", "target_id")),
    })
