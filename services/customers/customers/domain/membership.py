"""A customer's membership: the maintenance plan they are enrolled in, as the plan events tell it."""
from __future__ import annotations

import datetime as dt
import re

ACTIVE = "active"
_UNTIL = re.compile(r"UNTIL=(\d{8})")


def plan_end(rrule: str | None) -> dt.date | None:
    """The last day of a plan whose recurrence rule ends (``UNTIL=``); None for a plan that runs on."""
    found = _UNTIL.search(rrule or "")
    return dt.datetime.strptime(found.group(1), "%Y%m%d").date() if found else None


def renewal_date(since: dt.datetime, ends_on: dt.date | None) -> dt.date:
    """A membership renews a year after it started, or ends with its plan if that comes first."""
    start = since.date()
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 1, day=28)
    return min(anniversary, ends_on) if ends_on else anniversary
