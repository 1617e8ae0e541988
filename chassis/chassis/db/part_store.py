"""Stored workspace parts: a customer's part is computed once, then answered from one row until it goes stale.

Every workspace asks each service for the same document about the same customer, and computing it (several
statements, ORM rows, marshmallow) costs more than the HTTP request around it (bench/README.md, "Figures behind
choices"). So the answer is kept, as the bytes that went out, beside the generations of what it was computed from.

What makes a stored part stale is decided by the database, not by the code that writes: each table a part
reads carries statement triggers (installed by ``create_part_store_v1`` in a migration) that bump the
generation of every customer whose rows the statement inserted, changed or deleted, whichever way it was
written (ORM flush, bulk UPDATE, raw SQL, an event handler, a data migration). A table whose rows name no
customer bumps the account's generation, a table whose rows hang off a customer's row (invoice lines under an
invoice) finds the customer through its parent. A stored part is answered only while both generations it was
computed under are still the current ones and its ``valid_until`` (when time alone changes it: an upcoming
visit passes, an invoice falls overdue at midnight) lies ahead.

The generations are read before the part is computed, in their own statement: a write that commits after that
read changes them, so a part computed while the write was in flight is never answered again, and a write
committed before it is in what the part reads. Writers lock only the generation rows of the customers they
touch, the way they already lock those customers' rows.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.db.database import Database
from chassis.db.schema import part_generations, stored_parts

WHOLE_ACCOUNT = uuid.UUID(int=0)  # the generation row of an account's rows that name no customer


@dataclass(frozen=True)
class ByColumns:
    """The changed rows name their customers in these columns (``customer_id``; a customer's own row: ``id`` and
    ``merged_into``)."""

    columns: tuple[str, ...] = ("customer_id",)

    def trigger_arguments(self) -> list[str]:
        return ["columns", *self.columns]


@dataclass(frozen=True)
class ViaParent:
    """The changed rows point through ``key`` at a row of ``parent``, whose ``customer_id`` names the customer."""

    parent: str
    key: str

    def trigger_arguments(self) -> list[str]:
        return ["via", self.parent, self.key]


@dataclass(frozen=True)
class WholeAccount:
    """The changed rows name no customer: every stored part of their accounts goes stale."""

    def trigger_arguments(self) -> list[str]:
        return ["account"]


Watch = ByColumns | ViaParent | WholeAccount

# One function for every watched table: its arguments say how the changed rows (the statement's transition
# tables) lead to customers. Dynamic SQL because each table names them differently; a write runs it once per
# statement, not per row, so a 50,000-row INSERT costs one upsert. Rows are locked in key order, as far as one
# statement can, to keep two writers from taking the same generation rows in opposite orders.
_STALE_FUNCTION_V1 = f"""
CREATE OR REPLACE FUNCTION fieldwork_parts_stale() RETURNS trigger AS $$
DECLARE
  changed text;
  customers text := '';
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := 'SELECT * FROM fw_new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    changed := 'SELECT * FROM fw_old_rows';
  ELSE
    changed := 'SELECT * FROM fw_new_rows UNION ALL SELECT * FROM fw_old_rows';
  END IF;
  IF TG_ARGV[0] = 'columns' THEN
    FOR i IN 1 .. TG_NARGS - 1 LOOP
      customers := customers || CASE WHEN i > 1 THEN ' UNION ALL ' ELSE '' END
        || format('SELECT account_id, %1$I AS customer_id FROM changed WHERE %1$I IS NOT NULL', TG_ARGV[i]);
    END LOOP;
  ELSIF TG_ARGV[0] = 'via' THEN
    customers := format('SELECT p.account_id, p.customer_id FROM changed c JOIN %I p ON p.id = c.%I '
                        'WHERE p.customer_id IS NOT NULL', TG_ARGV[1], TG_ARGV[2]);
  ELSE
    customers := 'SELECT account_id, ''{WHOLE_ACCOUNT}''::uuid AS customer_id FROM changed';
  END IF;
  EXECUTE format(
    'WITH changed AS (%s) '
    'INSERT INTO part_generations (account_id, customer_id, generation) '
    'SELECT account_id, customer_id, nextval(''part_generation'') '
    'FROM (SELECT DISTINCT account_id, customer_id FROM (%s) named ORDER BY account_id, customer_id) touched '
    'ON CONFLICT (account_id, customer_id) DO UPDATE SET generation = EXCLUDED.generation',
    changed, customers);
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""

# v2 (``upgrade_part_store_v2``): the same, but a bulk writer that marks its customers itself once, after its
# statements (``marked_by_writer``), is left to do so.
_STALE_FUNCTION_V2 = _STALE_FUNCTION_V1.replace("BEGIN\n  IF TG_OP", """BEGIN
  IF current_setting('fieldwork.parts_marked_by_writer', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP""", 1)

# TRUNCATE has no transition tables (and is not how the services write): it forgets every stored part.
_TRUNCATED_FUNCTION = """
CREATE OR REPLACE FUNCTION fieldwork_parts_truncated() RETURNS trigger AS $$
BEGIN
  DELETE FROM stored_parts;
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""


def _watch_statements(table: str, watch: Watch) -> list[str]:
    arguments = ", ".join(f"'{argument}'" for argument in watch.trigger_arguments())
    call = f"FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_parts_stale({arguments})"
    return [
        f'CREATE TRIGGER parts_stale_on_insert AFTER INSERT ON "{table}" REFERENCING NEW TABLE AS fw_new_rows {call}',
        f'CREATE TRIGGER parts_stale_on_update AFTER UPDATE ON "{table}" '
        f"REFERENCING OLD TABLE AS fw_old_rows NEW TABLE AS fw_new_rows {call}",
        f'CREATE TRIGGER parts_stale_on_delete AFTER DELETE ON "{table}" REFERENCING OLD TABLE AS fw_old_rows {call}',
        f'CREATE TRIGGER parts_stale_on_truncate AFTER TRUNCATE ON "{table}" '
        "FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_parts_truncated()",
    ]


def create_part_store_v1(op, watched: dict[str, Watch]) -> None:
    """Called from a service's migration: the store, and a watch on every table its part reads.

    ``watched`` is written out in the migration (never derived from today's models), and a later table is
    watched by a later migration calling ``watch_tables``; ``chassis.testing.part_store`` lets each
    service's tests check that no table was left unwatched.
    """
    bind = op.get_bind()
    stored_parts.create(bind)
    part_generations.create(bind)
    op.execute("CREATE SEQUENCE part_generation")
    op.execute(_STALE_FUNCTION_V1)
    op.execute(_TRUNCATED_FUNCTION)
    watch_tables(op, watched)


def upgrade_part_store_v2(op) -> None:
    """Called from a service's migration: the watch triggers' function learns to leave the marking to a bulk writer
    that does it once (``marked_by_writer``)."""
    op.execute(_STALE_FUNCTION_V2)


def downgrade_part_store_v2(op) -> None:
    op.execute(_STALE_FUNCTION_V1)


def watch_tables(op, watched: dict[str, Watch]) -> None:
    for table, watch in watched.items():
        for statement in _watch_statements(table, watch):
            op.execute(statement)


class Lookup(NamedTuple):
    """What the store holds for a part: its bytes when still current, else the generations to compute it under."""

    body: bytes | None
    customer_generation: int
    account_generation: int


# In the driver's parameter style: ``look_up`` sends it through the DBAPI cursor.
_LOOKUP = f"""
WITH current AS (
  SELECT coalesce((SELECT generation FROM part_generations
                    WHERE account_id = %(account)s AND customer_id = %(customer)s), 0) AS customer_generation,
         coalesce((SELECT generation FROM part_generations
                    WHERE account_id = %(account)s AND customer_id = '{WHOLE_ACCOUNT}'), 0) AS account_generation)
SELECT s.body, current.customer_generation, current.account_generation
FROM current LEFT JOIN stored_parts s
  ON s.account_id = %(account)s AND s.customer_id = %(customer)s AND s.variant = %(variant)s
 AND s.customer_generation = current.customer_generation AND s.account_generation = current.account_generation
 AND (s.valid_until IS NULL OR s.valid_until > %(now)s)
"""


def look_up(database: Database, account_id: uuid.UUID, customer_id: uuid.UUID, variant: str,
            now: dt.datetime) -> Lookup:
    """One statement outside any transaction: the stored part if it is still current, and the generations either way.

    Call it before computing the part (see the module's docstring), with the caller's account: nothing stored for
    another account is ever found.
    """
    body, customer_generation, account_generation = database.read_one(
        _LOOKUP, {"account": account_id, "customer": customer_id, "variant": variant, "now": now})
    return Lookup(body, customer_generation, account_generation)


_NO_FLUSH_WAIT = text("SET LOCAL synchronous_commit TO off")


def store(session: Session, customer_id: uuid.UUID, variant: str, body: bytes, computed_under: Lookup,
          valid_until: dt.datetime | None) -> None:
    """Keeps ``body`` as the part computed under the generations ``look_up`` read before computing it."""
    values = {"account_id": session.info["account_id"], "customer_id": customer_id, "variant": variant,
              "body": body, "customer_generation": computed_under.customer_generation,
              "account_generation": computed_under.account_generation, "valid_until": valid_until}
    # A stored part lost in a crash is computed again, so the read that keeps one need not wait for the WAL flush.
    session.execute(_NO_FLUSH_WAIT)
    statement = insert(stored_parts).values(**values)
    session.execute(statement.on_conflict_do_update(
        index_elements=[stored_parts.c.account_id, stored_parts.c.customer_id, stored_parts.c.variant],
        set_={key: statement.excluded[key] for key in
              ("body", "customer_generation", "account_generation", "valid_until", "stored_at")}))


_MARK_STALE = text(
    "INSERT INTO part_generations (account_id, customer_id, generation) "
    "SELECT :account, customer_id, nextval('part_generation') FROM unnest(CAST(:customers AS uuid[])) AS customer_id "
    "ON CONFLICT (account_id, customer_id) DO UPDATE SET generation = EXCLUDED.generation")


def mark_stale(session: Session, customer_ids: Iterable[uuid.UUID]) -> None:
    """Makes the stored parts of these customers stale, for a change no watched table of theirs records: another
    customer's name that their part shows. In key order, as the triggers lock them."""
    customers = sorted(set(customer_ids))
    if customers:
        session.execute(_MARK_STALE, {"account": session.info["account_id"], "customers": customers})


_MARKING_BY_WRITER = text("SELECT set_config('fieldwork.parts_marked_by_writer', :on, true)")


@contextmanager
def marked_by_writer(session: Session, customer_ids: Callable[[], Iterable[uuid.UUID]]) -> Iterator[None]:
    """Statements that write rows of ``customer_ids()`` only (new customers and what hangs under them, a thousand at
    a time), without the watch triggers marking each statement's customers: they are marked once, after.

    An import writes the same customers into seven watched tables; marked per statement, each generation row was
    written seven times. ``customer_ids`` is called after the block, so it may name what the block created."""
    # Transaction-local: a statement failing in the block aborts the transaction, and the rollback takes the setting
    # with it. Nothing is sent after a failure, so the error raised is the statement's own, not "transaction aborted".
    session.execute(_MARKING_BY_WRITER, {"on": "on"})
    yield
    session.execute(_MARKING_BY_WRITER, {"on": "off"})
    mark_stale(session, customer_ids())


def earliest(instants: Iterable[dt.datetime | None]) -> dt.datetime | None:
    """The first of the moments at which time alone changes a part (None: nothing but a write changes it)."""
    known = [instant for instant in instants if instant is not None]
    return min(known) if known else None


__all__ = ["ByColumns", "Lookup", "ViaParent", "Watch", "WholeAccount", "create_part_store_v1",
           "downgrade_part_store_v2", "earliest", "look_up", "mark_stale", "marked_by_writer", "part_generations",
           "store", "upgrade_part_store_v2", "watch_tables"]
