"""Do-not-service: new work for a flagged customer only by an explicit override, whose reason the history keeps."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.do_not_service import refuse_unless_overridden
from jobs.service_layer.records import record_changes


def cleared_for_work(session: Session, customer_id: uuid.UUID, body: dict, what: str) -> tuple[dict, str | None]:
    """``body`` without its override, and the override's reason when the customer is flagged (409 without one)."""
    body = dict(body)
    override = body.pop("do_not_service_override", None)
    return body, refuse_unless_overridden(session, customer_id, override, what=what)


def keep_override(session: Session, kind: str, record, reason: str | None, actor: str, at: dt.datetime) -> None:
    """The override shows in the record's history: who decided to work for a flagged customer, when and why."""
    if reason:
        record_changes(session, kind, record, {"do_not_service_override": (None, reason)}, actor, at)
