"""Applying one event to the read model, so that any order and any repetition of events ends the same.

Customer snapshots win by ``revision``; statuses win by the time they became true (``changed_at``,
or the event's ``occurred_at``); a ``*.created`` event is the oldest fact about its entity, so when
later events got there first it only fills in what they lack. Entity rows are keyed by their own
id, so a late event only ever touches the entity it is about.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from chassis.messaging import Event
# Importing the projector modules registers them.
from insights.service_layer import project_billing, project_comms, project_customers, project_jobs  # noqa: F401
from insights.service_layer.registry import PROJECTORS


def project(session: Session, event: Event) -> None:
    PROJECTORS[event.type](session, event)


__all__ = ["PROJECTORS", "project"]
