"""Which function applies which event type to the read model."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from chassis.messaging import Event

Projector = Callable[[Session, Event], None]
PROJECTORS: dict[str, Projector] = {}


def projects(*event_types: str):
    def register(fn: Projector) -> Projector:
        for event_type in event_types:
            PROJECTORS[event_type] = fn
        return fn
    return register
