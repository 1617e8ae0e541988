"""Applying one event exactly once: contract check, inbox record and handlers in one transaction."""
from __future__ import annotations

import logging

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis import logs
from chassis.contracts import validate_event
from chassis.db import Database
from chassis.db.schema import inbox
from chassis.messaging.event import Event
from chassis.messaging.handlers import Handlers

log = logging.getLogger(__name__)


def _first_sight(session: Session, event: Event) -> bool:
    """Records the event id; False when it was recorded before (a redelivery)."""
    # RETURNING, not rowcount: SQLAlchemy does not promise an INSERT's rowcount (psycopg here gives -1).
    recorded = session.execute(insert(inbox).values(event_id=event.id, event_type=event.type)
                               .on_conflict_do_nothing(index_elements=[inbox.c.event_id])
                               .returning(inbox.c.event_id)).first()
    return recorded is not None


def apply_event(database: Database, handlers: Handlers, envelope: dict) -> bool:
    """Applies ``envelope`` once; returns False when it had been applied already.

    Raises ``ContractError`` for an event that breaks its contract (the consumer dead-letters
    it at once) and whatever a handler raises (the transaction rolls back and it is retried).
    """
    validate_event(envelope)
    event = Event.from_envelope(envelope)
    token = logs.bind_request_id(event.request_id)
    try:
        with database.transaction(account_id=event.account_id) as session:
            if not _first_sight(session, event):
                log.info("duplicate event skipped", extra={"event_id": str(event.id), "event_type": event.type})
                return False
            handlers.dispatch(session, event)
        return True
    finally:
        logs.reset_request_id(token)
