"""When an estimate stops being open by itself: after its valid-until date."""
from __future__ import annotations

import datetime as dt

from jobs.domain.lifecycle import ESTIMATE


def is_past_validity(status: str, valid_until: dt.date | None, today: dt.date) -> bool:
    """An open estimate whose last valid day has passed is expired, whether or not anyone looked."""
    return ESTIMATE.is_open(status) and valid_until is not None and valid_until < today


def effective_status(status: str, valid_until: dt.date | None, today: dt.date) -> str:
    return "expired" if is_past_validity(status, valid_until, today) else status


def expires_at(status: str, valid_until: dt.date | None, today: dt.date) -> dt.datetime | None:
    """When an estimate read on ``today`` turns ``expired`` by time alone: the first UTC midnight after its last valid
    day, while it is open and not past it already (None: time alone never changes its status)."""
    if not ESTIMATE.is_open(status) or valid_until is None or valid_until < today:
        return None
    return dt.datetime.combine(valid_until + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone.utc)
