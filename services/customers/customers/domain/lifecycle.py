"""The customer's lifecycle status, and the rule by which the work done moves it by itself.

The rule, precisely:

1. Work moves a customer along the funnel lead → prospect → quoted → active: an estimate
   sent makes them *quoted*; a job scheduled, started or completed makes them *active*, and so
   does paid work: an invoice or a payment recorded for them.
2. Only forward. A customer already at or past the target keeps their status (an active
   customer who is sent another estimate stays active).
3. *Inactive* is outside the funnel and only a person sets it: work never moves it.
4. A status set by hand is kept against older evidence: work that happened before the latest
   hand-made change does not move the status (events arrive late; the person decided later).
   Work that happens after it moves the customer forward as in 1–2.
5. Every change is kept with who (nobody when automatic), when, from, to, whether it was
   automatic, and its cause ("estimate E-1007 sent").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.errors import Conflict

STATUSES = ("lead", "prospect", "quoted", "active", "inactive")
FUNNEL = ("lead", "prospect", "quoted", "active")
INITIAL_STATUS = "lead"

ESTIMATE_SENT = "quoted"
JOB_UNDER_WAY = "active"
PAID_WORK = "active"
JOB_STATUSES_THAT_ACTIVATE = ("scheduled", "in_progress", "completed")


@dataclass(frozen=True)
class StatusChange:
    from_status: str | None
    to_status: str
    automatic: bool
    changed_by: str | None
    changed_at: dt.datetime
    cause: str | None = None


def manual_change(current: str, to: str, *, by: str, at: dt.datetime, cause: str | None = None) -> StatusChange:
    if to == current:
        raise Conflict(f"The customer is already {current}.")
    return StatusChange(current, to, automatic=False, changed_by=by, changed_at=at, cause=cause)


def automatic_change(current: str, target: str, *, work_at: dt.datetime, set_by_hand_at: dt.datetime | None,
                     cause: str, now: dt.datetime) -> StatusChange | None:
    """The change the work implies, or None when the rule keeps the current status."""
    if current not in FUNNEL or target not in FUNNEL:
        return None
    if FUNNEL.index(current) >= FUNNEL.index(target):
        return None
    if set_by_hand_at is not None and work_at < set_by_hand_at:
        return None
    return StatusChange(current, target, automatic=True, changed_by=None, changed_at=now, cause=cause)
