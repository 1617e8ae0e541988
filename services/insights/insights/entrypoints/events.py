"""The events insights consumes: each is logged (for rebuilds) and applied to the read model."""
from __future__ import annotations

from sqlalchemy.orm import Session

from chassis.messaging import Event, Handlers
from insights.adapters import event_log
from insights.service_layer.projection import PROJECTORS, project

handlers = Handlers()


def _apply(session: Session, event: Event) -> None:
    event_log.record(session, event)
    project(session, event)


for _event_type in sorted(PROJECTORS):
    handlers.on(_event_type)(_apply)
