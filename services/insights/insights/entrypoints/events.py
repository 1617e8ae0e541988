"""The events insights consumes: each is logged (for rebuilds) and applied to the read model."""
from __future__ import annotations

from sqlalchemy.orm import Session

from chassis.messaging import Event, Handlers
from insights.adapters import event_log
from insights.service_layer.projection import project
from insights.service_layer.registry import newest_versions, typed

handlers = Handlers()


def _apply(session: Session, event: Event) -> None:
    event_log.record(session, event)
    project(session, event, typed(event))


for _event_type, _version in sorted(newest_versions().items()):
    handlers.on(_event_type, version=_version)(_apply)
