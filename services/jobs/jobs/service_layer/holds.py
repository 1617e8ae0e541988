"""Do-not-service: new work for a flagged customer only by an explicit override, whose reason the history keeps."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import TypeVar

from sqlalchemy.orm import Session

from chassis.do_not_service import refuse_unless_overridden
from jobs.service_layer.records import record_changes

Command = TypeVar("Command")  # any command with a do_not_service_override: OpenJob, QuoteEstimate, SetUpPlan, MovePlan


def cleared_for_work(session: Session, customer_id: uuid.UUID, command: Command,
                     what: str) -> tuple[Command, str | None]:
    """``command`` without its override, and the override's reason when the customer is flagged (409 without
    one)."""
    reason = refuse_unless_overridden(session, customer_id, command.do_not_service_override, what=what)
    return replace(command, do_not_service_override=None), reason


def keep_override(session: Session, kind: str, record, reason: str | None, actor: str, at: dt.datetime) -> None:
    """The override shows in the record's history: who decided to work for a flagged customer, when and why."""
    if reason:
        record_changes(session, kind, record, {"do_not_service_override": (None, reason)}, actor, at)
