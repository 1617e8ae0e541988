"""Rules about when work happens."""
from __future__ import annotations

import datetime as dt

from chassis.errors import field_error


def check_window(start: dt.datetime | None, end: dt.datetime | None) -> None:
    if end is not None and start is None:
        raise field_error("scheduled_start", "A job with an end needs a start.")
    if start is not None and end is not None and end <= start:
        raise field_error("scheduled_end", "The end must be after the start.")


def check_schedulable(start: dt.datetime | None) -> None:
    """A job becomes scheduled only once it has a time."""
    if start is None:
        raise field_error("scheduled_start", "A scheduled job needs a start time.")
