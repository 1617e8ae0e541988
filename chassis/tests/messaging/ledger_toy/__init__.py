"""A toy producer ("customers", the only producer of customer.status_changed) and a toy consumer ("ledger").

Used by the messaging tests and bench/events.py to drive the real relay and consumer processes.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path

from fieldwork_contracts.customers import CustomerStatusChanged
from sqlalchemy import text
from sqlalchemy.orm import Session

from chassis.db import Database
from chassis.messaging import Event, Handlers, emit
from chassis.service import ServiceSpec

MIGRATIONS = Path(__file__).parent / "migrations"
EVENT_TYPE = "customer.status_changed"

handlers = Handlers()


@handlers.on(EVENT_TYPE)
def record_status_change(session: Session, event: Event) -> None:
    customer_id = event.data["customer_id"]
    if session.execute(text("SELECT 1 FROM handler_faults WHERE customer_id = :c"), {"c": customer_id}).first():
        _count_attempt_outside_transaction(session, event)
        raise RuntimeError(f"toy handler bug for customer {customer_id}")
    session.execute(text("INSERT INTO ledger_entries (event_id, customer_id, applied_at) "
                         "VALUES (:e, :c, clock_timestamp())"), {"e": event.id, "c": customer_id})


def _count_attempt_outside_transaction(session: Session, event: Event) -> None:
    """The handler's own transaction rolls back, so the attempt is written on a connection of its own."""
    with session.get_bind().connect() as connection:
        connection.execute(text("INSERT INTO handler_attempts (event_id) VALUES (:e)"), {"e": event.id})
        connection.commit()


def change_status(database: Database, account_id: uuid.UUID, customer_id: uuid.UUID, to: str,
                  *, fail_after_emit: bool = False) -> Event:
    """A producer's unit of work: the change and its event in one transaction."""
    with database.transaction(account_id=account_id) as session:
        previous = session.execute(text("SELECT status FROM toy_customers WHERE id = :c"), {"c": customer_id}).scalar()
        session.execute(text("INSERT INTO toy_customers (id, account_id, status) VALUES (:c, :a, :s) "
                             "ON CONFLICT (id) DO UPDATE SET status = excluded.status"),
                        {"c": customer_id, "a": account_id, "s": to})
        event = emit(session, status_change(customer_id, previous or "lead", to))
        if fail_after_emit:
            raise RuntimeError("the change failed after the event was written")
    return event


def status_change(customer_id: uuid.UUID, from_: str, to: str) -> CustomerStatusChanged:
    return CustomerStatusChanged(customer_id=customer_id, from_=from_, to=to, automatic=True, changed_by=None,
                                 changed_at=datetime.now(timezone.utc))


PRODUCER = ServiceSpec(name="customers", title="Toy producer", migrations=MIGRATIONS)
CONSUMER = ServiceSpec(name="ledger", title="Toy consumer", migrations=MIGRATIONS, handlers=handlers)
SPECS = {"producer": PRODUCER, "consumer": CONSUMER}
