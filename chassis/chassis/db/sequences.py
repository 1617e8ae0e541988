"""People-facing numbers (C-1001, J-1001, INV-1001): per-account sequences that are never reused."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

_NEXT = text(
    "INSERT INTO account_sequences (account_id, name, last_value) VALUES (:account_id, :name, :start) "
    "ON CONFLICT (account_id, name) DO UPDATE SET last_value = account_sequences.last_value + 1 "
    "RETURNING last_value"
)


def next_number(session: Session, name: str, *, prefix: str, start: int = 1001) -> str:
    """The next number of ``name`` in the session's account, e.g. ``next_number(s, "customer", prefix="C-")``.

    The row lock taken by the upsert is held until commit, so two writers never share a number,
    and a rolled-back transaction gives its number back rather than leaving a gap.
    """
    account_id = session.info["account_id"]
    value = session.execute(_NEXT, {"account_id": account_id, "name": name, "start": start}).scalar_one()
    return f"{prefix}{value}"
