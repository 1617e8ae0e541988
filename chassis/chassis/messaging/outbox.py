"""Publishing = one row in the service's outbox, written in the transaction of the change itself."""
from __future__ import annotations

import uuid

from sqlalchemy import insert
from sqlalchemy.orm import Session

from chassis import logs
from chassis.contracts import validate_event
from chassis.db.schema import outbox
from chassis.messaging.event import Event


def emit(session: Session, event_type: str, data: dict, *, version: int = 1,
         account_id: uuid.UUID | None = None) -> Event:
    """Adds ``event_type`` to the outbox; the relay publishes it once the transaction commits.

    The event is checked against its contract here, so a test that makes a service emit an event
    also proves the event matches ``contracts/events``.
    """
    account = account_id or session.info.get("account_id")
    if account is None:
        raise ValueError("an event needs the account it belongs to")
    event = Event.new(event_type, data, account_id=account, producer=session.info["service"], version=version,
                      request_id=logs.current_request_id())
    envelope = event.envelope()
    validate_event(envelope)
    session.execute(insert(outbox).values(event_id=event.id, event_type=event_type, account_id=account,
                                          envelope=envelope))
    return event
