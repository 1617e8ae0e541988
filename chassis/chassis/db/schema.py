"""The tables the chassis keeps in every service's database (outbox, inbox, sequences, customer directory and the
references it checks, stored workspace parts, the customer merges a service followed).

Each service's first migration calls ``create_chassis_tables_v1``; a later change to these tables
gets a ``..._v2`` that services call from a new migration, so old migrations never change meaning.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Column, DateTime, ForeignKey, Identity, Index, Integer,
                        LargeBinary, MetaData, String, Table, Text, Uuid, func, text)
from sqlalchemy.dialects.postgresql import JSONB

chassis_metadata = MetaData()

account_sequences = Table(
    "account_sequences", chassis_metadata,
    Column("account_id", Uuid, primary_key=True),
    Column("name", String(40), primary_key=True),
    Column("last_value", Integer, nullable=False),
)

# Events written in the same transaction as the change they describe; the relay publishes them.
outbox = Table(
    "outbox", chassis_metadata,
    Column("position", BigInteger, Identity(), primary_key=True),
    Column("event_id", Uuid, nullable=False, unique=True),
    Column("event_type", String(80), nullable=False),
    Column("account_id", Uuid, nullable=False),
    Column("envelope", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("sent_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Index("outbox_unsent", "position", postgresql_where=text("sent_at IS NULL")),
)

# Ids of the events this service has applied: a redelivered event finds its id here and is skipped.
inbox = Table(
    "inbox", chassis_metadata,
    Column("event_id", Uuid, primary_key=True),
    Column("event_type", String(80), nullable=False),
    Column("handled_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# This service's copy of the customers it may refer to, kept from customer events.
known_customers = Table(
    "known_customers", chassis_metadata,
    Column("id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False, index=True),
    Column("number", String(20)),
    Column("display_name", String(200), nullable=False),
    Column("archived", Boolean, nullable=False, server_default="false"),
    Column("merged_into", Uuid),
    Column("revision", Integer, nullable=False, server_default="0"),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# The properties of the customers above, kept from the same snapshots: a body naming a property_id is checked
# against them (chassis.customer_directory.require_property).
known_properties = Table(
    "known_properties", chassis_metadata,
    Column("id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False),
    Column("customer_id", Uuid, nullable=False, index=True),
    Column("address", JSONB, nullable=False),
    # residential, commercial, …: what a price book prices by (null until the customer's next snapshot says).
    Column("kind", String(20)),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Ids of records another service owns (a job, a communication), kept from its events with the customer each is
# about (null when it names none): a body referring to one is checked against them (chassis.references).
known_records = Table(
    "known_records", chassis_metadata,
    Column("kind", String(40), primary_key=True),
    Column("id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False),
    Column("customer_id", Uuid),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# A customer's workspace part as last answered, with the generations of what it was computed from
# (chassis.db.part_store explains how writes make it stale).
stored_parts = Table(
    "stored_parts", chassis_metadata,
    Column("account_id", Uuid, primary_key=True),
    Column("customer_id", Uuid, primary_key=True),
    Column("variant", String(200), primary_key=True),
    Column("body", LargeBinary, nullable=False),
    Column("customer_generation", BigInteger, nullable=False),
    Column("account_generation", BigInteger, nullable=False),
    Column("valid_until", DateTime(timezone=True)),
    Column("stored_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Bumped by triggers whenever a statement changes rows about a customer (or, for rows that name none, about
# the whole account: customer_id is then the nil UUID).
part_generations = Table(
    "part_generations", chassis_metadata,
    Column("account_id", Uuid, primary_key=True),
    Column("customer_id", Uuid, primary_key=True),
    Column("generation", BigInteger, nullable=False),
)

# The customer merges a service followed (chassis.merge_follower): one row per merge id, whichever of its merge and
# its undo arrived first, so a redelivered or late event finds what was done and does nothing more.
merges = Table(
    "merges", chassis_metadata,
    Column("merge_id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False, index=True),
    Column("duplicate_id", Uuid, nullable=False),
    Column("target_id", Uuid, nullable=False),
    Column("state", String(10), nullable=False),
    # When the merge and its undo happened; merged_at is null for a merge whose undo came first (it never moved
    # anything here) and for merges kept before the time was recorded.
    Column("merged_at", DateTime(timezone=True)),
    Column("undone_at", DateTime(timezone=True)),
    CheckConstraint("state IN ('merged', 'undone')", name="merges_state"),
)

# Exactly the records a merge moved (the table and the record's id), so its undo moves back those and no others.
merge_moves = Table(
    "merge_moves", chassis_metadata,
    Column("merge_id", Uuid, ForeignKey("merges.merge_id"), primary_key=True),
    Column("table_name", String(40), primary_key=True),
    Column("record_id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False, index=True),
)

CHASSIS_TABLES = {t.name for t in chassis_metadata.sorted_tables}
_V1_TABLES = [account_sequences, outbox, inbox, known_customers]
_V2_TABLES = [known_properties, known_records]

OUTBOX_CHANNEL = "fieldwork_outbox"

_NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION fieldwork_outbox_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('{OUTBOX_CHANNEL}', '');
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""
_NOTIFY_TRIGGER = """
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_outbox_notify()
"""


def create_chassis_tables_v1(op) -> None:
    """Called from a service's first Alembic migration."""
    bind = op.get_bind()
    chassis_metadata.create_all(bind, tables=_V1_TABLES)
    # NOTIFY wakes the relay at once after a commit that wrote events (it also polls: NOTIFY can be missed).
    op.execute(_NOTIFY_FUNCTION)
    op.execute(_NOTIFY_TRIGGER)


def create_chassis_tables_v2(op) -> None:
    """Called from a service's migration after v1: the kept properties and records references are checked against.

    No part-store watch: no workspace part reads them (a job keeps the address it was given on its own row)."""
    chassis_metadata.create_all(op.get_bind(), tables=_V2_TABLES)


def add_property_kinds_v3(op) -> None:
    """Called from a service's migration after v2: the kept properties learn their kind from the next snapshots.

    A table made by v2 on a fresh database already has the column (v2 creates it from today's metadata)."""
    op.execute("ALTER TABLE known_properties ADD COLUMN IF NOT EXISTS kind varchar(20)")


def create_merge_tables_v1(op) -> None:
    """Called from the migration of a service that starts following customer merges (chassis.merge_follower).

    Its part store, if it has one, watches them like any account-owned table: ``merges`` by ``duplicate_id`` and
    ``target_id``, ``merge_moves`` account-wide (its rows name no customer)."""
    chassis_metadata.create_all(op.get_bind(), tables=[merges, merge_moves])
