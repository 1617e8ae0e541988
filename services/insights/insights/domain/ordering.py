"""Newer facts win: how events that arrive late or twice leave the model as if they came in order."""
from __future__ import annotations

import datetime as dt


def is_newer(candidate: dt.datetime, current: dt.datetime | None) -> bool:
    """A fact as of ``candidate`` replaces one as of ``current`` only when it is not older (ties: same fact again)."""
    return current is None or candidate >= current


def earliest(*moments: dt.datetime | None) -> dt.datetime | None:
    known = [m for m in moments if m is not None]
    return min(known) if known else None


def latest(*moments: dt.datetime | None) -> dt.datetime | None:
    known = [m for m in moments if m is not None]
    return max(known) if known else None
