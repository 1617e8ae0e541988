"""Customers not to be serviced: the do-not-service flag of the customer snapshots, replicated where it is read.

A service that needs the flag includes ``handlers`` and calls ``create_holds_table_v1(op)`` from a migration;
``keep_flag`` keeps a snapshot's flag and ``flagged`` reads it. What a flagged customer means (work refused,
messages held back) is each service's own rule, not this module's.
"""
from __future__ import annotations

import uuid

from fieldwork_contracts import UNSET, event_class
from fieldwork_contracts.defs import CustomerSnapshot
from sqlalchemy import Boolean, Column, DateTime, Integer, String, Table, Uuid, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.db.schema import chassis_metadata
from chassis.messaging import Event, Handlers

handlers = Handlers()

holds = Table(
    "do_not_service", chassis_metadata,
    Column("customer_id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False),
    Column("flagged", Boolean, nullable=False),
    Column("reason", String(500)),
    Column("revision", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


def create_holds_table_v1(op) -> None:
    """Called from the migration of a service that keeps the flag."""
    chassis_metadata.create_all(op.get_bind(), tables=[holds])


def keep_flag(session: Session, account_id: uuid.UUID, snapshot: CustomerSnapshot, revision: int) -> None:
    """Keeps a snapshot's flag; a snapshot older than the one held (events arrive out of order) changes nothing."""
    flagged = snapshot.do_not_service
    reason = snapshot.do_not_service_reason if flagged and snapshot.do_not_service_reason is not UNSET else None
    stmt = insert(holds).values(customer_id=snapshot.id, account_id=account_id, flagged=flagged, reason=reason,
                                revision=revision)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[holds.c.customer_id],
        set_={"flagged": stmt.excluded.flagged, "reason": stmt.excluded.reason, "revision": stmt.excluded.revision,
              "updated_at": func.now()},
        where=(holds.c.revision < stmt.excluded.revision) & (holds.c.account_id == stmt.excluded.account_id)))


@handlers.on("customer.created")
@handlers.on("customer.updated")
def _on_snapshot(session: Session, event: Event) -> None:
    changed = event_class(event.type, event.version).from_data(event.data)
    keep_flag(session, event.account_id, changed.customer, changed.revision)


def flagged(session: Session, customer_id: uuid.UUID) -> tuple[bool, str | None]:
    """Whether the caller's customer is flagged do-not-service, and the flag's reason."""
    row = session.execute(select(holds.c.flagged, holds.c.reason).where(
        holds.c.customer_id == customer_id, holds.c.account_id == session.info["account_id"])).first()
    return (True, row.reason) if row and row.flagged else (False, None)

