"""Publishing = one row in the service's outbox, written in the transaction of the change itself."""
from __future__ import annotations

import uuid

from fieldwork_contracts import EventData
from sqlalchemy import insert
from sqlalchemy.orm import Session

from chassis import logs
from fieldwork_contracts.checking import validate_event
from chassis.db.schema import outbox
from chassis.messaging.event import Event


def emit(session: Session, event: EventData, *, account_id: uuid.UUID | None = None) -> Event:
    """Adds ``event`` (a typed event of ``fieldwork_contracts``) to the outbox; the relay publishes it once the
    transaction commits.

    The envelope is checked against its contract here, so a test that makes a service emit an event also proves
    the event matches ``contracts/events``.
    """
    outgoing = enveloped(session, event, account_id=account_id)
    envelope = outgoing.envelope()
    validate_event(envelope)
    session.execute(insert(outbox).values(event_id=outgoing.id, event_type=outgoing.type,
                                          account_id=outgoing.account_id, envelope=envelope))
    return outgoing


def enveloped(session: Session, event: EventData, *, account_id: uuid.UUID | None = None) -> Event:
    """The envelope ``event`` travels in from this service: the session's account (or ``account_id``), a new id,
    the request id. For writers that put many events in the outbox at once (an import); ``emit`` for the rest."""
    if not isinstance(event, EventData):
        raise TypeError(f"emit takes a typed event (fieldwork_contracts), not {type(event).__name__}")
    account = account_id or session.info.get("account_id")
    if account is None:
        raise ValueError("an event needs the account it belongs to")
    return Event.new(event.TYPE, event.to_data(), account_id=account, producer=session.info["service"],
                     version=event.VERSION, request_id=logs.current_request_id())
