"""When an estimate stops being open by itself: after its valid-until date."""
from __future__ import annotations

import datetime as dt

from jobs.domain.lifecycle import ESTIMATE


def is_past_validity(status: str, valid_until: dt.date | None, today: dt.date) -> bool:
    """An open estimate whose last valid day has passed is expired, whether or not anyone looked."""
    return ESTIMATE.is_open(status) and valid_until is not None and valid_until < today


def effective_status(status: str, valid_until: dt.date | None, today: dt.date) -> str:
    return "expired" if is_past_validity(status, valid_until, today) else status
