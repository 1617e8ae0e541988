"""Do-not-service: new work for a flagged customer only by an explicit override, whose reason the history keeps.

The flag itself is the chassis's (``chassis.do_not_service``, kept from the customer snapshots); what it means for
new work is the jobs service's rule, here."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import TypeVar

from sqlalchemy.orm import Session

from chassis.do_not_service import flagged
from chassis.errors import Conflict
from jobs.service_layer.commands import Override
from jobs.service_layer.records import record_changes

Command = TypeVar("Command")  # any command with a do_not_service_override: OpenJob, QuoteEstimate, SetUpPlan, MovePlan


def refuse_unless_overridden(session: Session, customer_id: uuid.UUID, override: Override | None, *,
                             what: str = "work") -> str | None:
    """409 with the flag's reason when the customer is flagged and ``override`` is absent (or its reason blank);
    else the override's reason when one was needed, for the record to keep and show."""
    is_flagged, reason = flagged(session, customer_id)
    if not is_flagged:
        return None
    if override is None or not override.reason.strip():
        because = f": {reason}" if reason else ""
        raise Conflict(f"This customer is flagged do-not-service{because}. New {what} needs an override with its "
                       f"own reason (do_not_service_override).", details={"do_not_service_reason": reason})
    return override.reason.strip()


def cleared_for_work(session: Session, customer_id: uuid.UUID, command: Command,
                     what: str) -> tuple[Command, str | None]:
    """``command`` without its override, and the override's reason when the customer is flagged (409 without
    one)."""
    reason = refuse_unless_overridden(session, customer_id, command.do_not_service_override, what=what)
    return replace(command, do_not_service_override=None), reason


def keep_override(session: Session, kind: str, record, reason: str | None, *, by: str, now: dt.datetime) -> None:
    """The override shows in the record's history: who decided to work for a flagged customer, when and why."""
    if reason:
        record_changes(session, kind, record, {"do_not_service_override": (None, reason)}, by, now)
