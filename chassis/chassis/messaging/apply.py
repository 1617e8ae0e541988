"""Applying events exactly once: contract check, inbox record and handlers in one transaction."""
from __future__ import annotations

import logging
from collections.abc import Mapping

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis import logs
from fieldwork_contracts.checking import validate_event
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


def apply_event(database: Database, handlers: Handlers, envelope: dict, adapters: Mapping | None = None) -> bool:
    """Applies ``envelope`` once; returns False when it had been applied already.

    Raises ``ContractError`` for an event that breaks its contract (the consumer dead-letters
    it at once) and whatever a handler raises (the transaction rolls back and it is retried).
    """
    return apply_events(database, handlers, [envelope], adapters)[0]


def apply_events(database: Database, handlers: Handlers, envelopes: list[dict],
                 adapters: Mapping | None = None) -> list[bool]:
    """Applies several events in one transaction, in order: one commit for all of them.

    All or nothing: when one breaks its contract or a handler raises, nothing is kept and the
    error is raised; the consumer then applies them one at a time to find the culprit.
    ``adapters`` are the process's, handed to the handlers that name theirs.
    """
    for envelope in envelopes:
        validate_event(envelope)
    events = [Event.from_envelope(envelope) for envelope in envelopes]
    first_time = []
    with database.transaction(account_id=events[0].account_id) as session:
        for event in events:
            session.info["account_id"] = event.account_id  # the scope each handler sees is its event's account
            token = logs.bind_request_id(event.request_id)
            try:
                if _first_sight(session, event):
                    handlers.dispatch(session, event, adapters)
                    session.flush()  # before the next event changes the account new rows are stamped with
                    first_time.append(True)
                else:
                    log.info("duplicate event skipped", extra={"event_id": str(event.id), "event_type": event.type})
                    first_time.append(False)
            finally:
                logs.reset_request_id(token)
    return first_time
