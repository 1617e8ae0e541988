"""Maintenance plan recurrences: RFC 5545 RRULEs read with python-dateutil's rrule."""
from __future__ import annotations

import datetime as dt

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from chassis.errors import field_error

# Maintenance visits happen at most daily; a finer rule is a typo that would flood the schedule.
_ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}


def parse(rule: str, starts_at: dt.datetime) -> rrule:
    """The recurrence of ``rule`` from ``starts_at`` (UTC), or a 422 on ``rrule``."""
    text = rule.strip()
    if "\n" in text or "DTSTART" in text.upper() or not text.upper().removeprefix("RRULE:").startswith("FREQ="):
        raise field_error("rrule", "Give one RRULE starting with FREQ=, without DTSTART (starts_at sets it).")
    try:
        recurrence = rrulestr(text, dtstart=starts_at)
    except (ValueError, TypeError) as exc:
        raise field_error("rrule", f"Not a valid RRULE: {exc}.") from None
    if not isinstance(recurrence, rrule) or recurrence._freq not in _ALLOWED_FREQUENCIES:
        raise field_error("rrule", "Visits may recur daily, weekly, monthly or yearly.")
    return recurrence


def visits_between(rule: str, starts_at: dt.datetime, after: dt.datetime, until: dt.datetime) -> list[dt.datetime]:
    """Visit times in ``[after, until]``."""
    return parse(rule, starts_at).between(after, until, inc=True)


def next_visits(rule: str, starts_at: dt.datetime, after: dt.datetime, count: int) -> list[dt.datetime]:
    """The next ``count`` visit times at or after ``after``."""
    visits = []
    for visit in parse(rule, starts_at).xafter(after, inc=True):
        visits.append(visit)
        if len(visits) == count:
            break
    return visits
