"""Rules about when work happens."""
from __future__ import annotations

import datetime as dt

from chassis.errors import field_error


def check_window(start: dt.datetime | None, end: dt.datetime | None) -> None:
    if end is not None and start is None:
        raise field_error("scheduled_start", "A job with an end needs a start.")
    if start is not None and end is not None and end <= start:
        raise field_error("scheduled_end", "The end must be after the start.")


def check_moved_at(at: dt.datetime, now: dt.datetime, *, started_at: dt.datetime | None = None) -> None:
    """When a job really moved (completed on site last Tuesday, recorded today): any past moment, never a future
    one, and never before the work started."""
    if at > now:
        raise field_error("at", "This cannot be in the future.")
    if started_at is not None and at < started_at:
        raise field_error("at", f"The job started at {started_at.isoformat()}; it cannot end before that.")


def check_schedulable(start: dt.datetime | None) -> None:
    """A job becomes scheduled only once it has a time."""
    if start is None:
        raise field_error("scheduled_start", "A scheduled job needs a start time.")
