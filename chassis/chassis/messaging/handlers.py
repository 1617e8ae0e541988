"""A service's event handlers, registered by event type; the consumer process dispatches to them."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from chassis.messaging.event import Event

Handler = Callable[..., None]


@dataclass(frozen=True)
class _Registered:
    fn: Handler
    adapters: tuple[str, ...]


class Handlers:
    """``@handlers.on("customer.merged")`` registers ``fn(session, event)``.

    The session is scoped to the event's account and commits together with the inbox record, so
    a handler only writes; it never commits, publishes to the broker or acks by itself. A handler
    that needs the process's adapters names them, ``@handlers.on("x", adapters=("config",))``, and
    is called ``fn(session, event, config=<the runtime's adapter>)`` — never module-level state.
    """

    def __init__(self):
        self._handlers: dict[tuple[str, int], list[_Registered]] = {}

    def on(self, event_type: str, *, version: int = 1, adapters: tuple[str, ...] = ()) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self._handlers.setdefault((event_type, version), []).append(_Registered(fn, tuple(adapters)))
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
        return [registered.fn for registered in self._handlers.get((event_type, version), [])]

    def dispatch(self, session: Session, event: Event, adapters: Mapping[str, Any] | None = None) -> None:
        for registered in self._handlers.get((event.type, event.version), []):
            registered.fn(session, event, **{name: (adapters or {})[name] for name in registered.adapters})
