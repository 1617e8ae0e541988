"""AR aging: how long each open invoice has been past due, in the buckets statements print."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")
BUCKET_LABELS = {"current": "Current", "1-30": "1-30 days", "31-60": "31-60 days", "61-90": "61-90 days",
                 "90+": "Over 90 days"}


def bucket_of(due_date: dt.date, as_of: dt.date) -> str:
    days_late = (as_of - due_date).days
    if days_late <= 0:
        return "current"
    if days_late <= 30:
        return "1-30"
    if days_late <= 60:
        return "31-60"
    if days_late <= 90:
        return "61-90"
    return "90+"


@dataclass(frozen=True)
class OpenItem:
    number: str
    issue_date: dt.date
    due_date: dt.date
    total_cents: int
    balance_cents: int


def age(items: list[OpenItem], as_of: dt.date) -> dict[str, int]:
    """Open balance per bucket, every bucket present."""
    buckets = dict.fromkeys(BUCKETS, 0)
    for item in items:
        buckets[bucket_of(item.due_date, as_of)] += item.balance_cents
    return buckets
