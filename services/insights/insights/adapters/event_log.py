"""The log of every event the read model was built from, in the order they were applied."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import EventLogEntry


def record(session: Session, event: Event) -> None:
    session.execute(insert(EventLogEntry).values(event_id=event.id, account_id=event.account_id,
                                                 event_type=event.type, envelope=event.envelope())
                    .on_conflict_do_nothing(index_elements=[EventLogEntry.event_id]))


def accounts(session: Session) -> list[uuid.UUID]:
    return list(session.scalars(select(EventLogEntry.account_id).distinct()))


def replay(session: Session, account_id: uuid.UUID, batch: int = 500) -> Iterator[Event]:
    """The account's events in the order they were first applied, read a page at a time (memory stays flat)."""
    after = 0
    while True:
        rows = session.execute(select(EventLogEntry.position, EventLogEntry.envelope)
                               .where(EventLogEntry.account_id == account_id, EventLogEntry.position > after)
                               .order_by(EventLogEntry.position).limit(batch)).all()
        for position, envelope in rows:
            after = position
            yield Event.from_envelope(envelope)
        if len(rows) < batch:
            return
