"""Which function applies which event type, in which versions, to the read model."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldwork_contracts import EventData, event_class
from sqlalchemy.orm import Session

from chassis.messaging import Event

# (session, the envelope: account, time, type and id; its data as the typed event of its type and version)
Projector = Callable[[Session, Event, Any], None]
PROJECTORS: dict[tuple[str, int], Projector] = {}


def projects(*event_types: str, versions: tuple[int, ...] = (1,)):
    """Registers a projector for ``event_types`` in each of ``versions``: a rebuild replays the event log, which
    keeps the versions applied before a producer moved on, so a projector reads every version it ever bound."""
    def register(fn: Projector) -> Projector:
        for event_type in event_types:
            for version in versions:
                PROJECTORS[(event_type, version)] = fn
        return fn
    return register


def newest_versions() -> dict[str, int]:
    """The version of each event type consumed live: producers publish the older ones beside it for a while, and
    applying both would apply one change twice."""
    newest: dict[str, int] = {}
    for event_type, version in PROJECTORS:
        newest[event_type] = max(version, newest.get(event_type, version))
    return newest


def typed(event: Event) -> EventData:
    """The event's data as the class of its type and version (``fieldwork_contracts.event_class``)."""
    return event_class(event.type, event.version).from_data(event.data)
