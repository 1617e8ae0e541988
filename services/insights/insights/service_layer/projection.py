"""Applying one event to the read model, so that any order and any repetition of events ends the same.

Customer snapshots win by ``revision``; statuses win by the time they became true (``changed_at``,
or the event's ``occurred_at``); a ``*.created`` event is the oldest fact about its entity, so when
later events got there first it only fills in what they lack. Entity rows are keyed by their own
id, so a late event only ever touches the entity it is about.

Every event also drops the fact snapshots it may make stale, here and only here, so a projector
added later cannot forget to: a projector writes only values the event carries, so the customers
whose facts can change are those the event names and the owners of the rows it names (a plan's
owner too when its jobs change: a plan shows whether a visit is booked).
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from fieldwork_contracts import EventData

from chassis.messaging import Event
from insights.adapters import fact_snapshots
# Importing the projector modules registers them.
from insights.service_layer import (erasure, project_billing, project_comms, project_customers,  # noqa: F401
                                    project_jobs, project_reviews)
from insights.service_layer.registry import PROJECTORS, typed


def named_ids(data: dict) -> set[uuid.UUID]:
    """Every id anywhere in an event's data as it travels: customers, their rows, and ids of no interest (a
    superset)."""
    found: set[uuid.UUID] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and len(node) == 36:
            try:
                found.add(uuid.UUID(node))
            except ValueError:
                pass
    return found


def project(session: Session, event: Event, data: EventData) -> None:
    """Applies ``data``, the typed event of the envelope ``event``, to the read model."""
    # Before the change: a row an event moves to another customer still shows its old owner.
    named = named_ids(data.to_data())
    fact_snapshots.drop_affected(session, named)
    PROJECTORS[(event.type, event.version)](session, event, data)
    erasure.erase_again(session, event, named)


def replay(session: Session, events: Iterable[Event]) -> int:
    """Projects an account's whole history (a rebuild), then drops all its snapshots at once."""
    count = 0
    for event in events:
        PROJECTORS[(event.type, event.version)](session, event, typed(event))
        count += 1
    fact_snapshots.drop_all(session)
    return count


__all__ = ["PROJECTORS", "named_ids", "project", "replay"]
