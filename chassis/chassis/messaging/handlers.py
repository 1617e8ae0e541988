"""A service's event handlers, registered by event type; the consumer process dispatches to them."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from chassis.messaging.event import Event

Handler = Callable[[Session, Event], None]


class Handlers:
    """``@handlers.on("customer.merged")`` registers ``fn(session, event)``.

    The session is scoped to the event's account and commits together with the inbox record, so
    a handler only writes; it never commits, publishes to the broker or acks by itself.
    """

    def __init__(self):
        self._handlers: dict[tuple[str, int], list[Handler]] = {}

    def on(self, event_type: str, *, version: int = 1) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self._handlers.setdefault((event_type, version), []).append(fn)
            return fn
        return register

    def include(self, other: "Handlers") -> "Handlers":
        for key, fns in other._handlers.items():
            self._handlers.setdefault(key, []).extend(fns)
        return self

    @property
    def types(self) -> set[str]:
        return {event_type for event_type, _ in self._handlers}

    @property
    def keys(self) -> set[tuple[str, int]]:
        return set(self._handlers)

    def for_event(self, event_type: str, version: int) -> list[Handler]:
        return self._handlers.get((event_type, version), [])

    def dispatch(self, session: Session, event: Event) -> None:
        for fn in self.for_event(event.type, event.version):
            fn(session, event)
