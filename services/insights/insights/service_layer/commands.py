"""What the routes ask the service layer to do, as plain values: no request, no HTTP body. An edit's fields default
to ``UNSET``, "not sent", so a field left alone stays apart from one sent; ``sent`` gives the fields it changes."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.commands import UNSET


@dataclass(frozen=True)
class ConnectOpenAI:
    """A new key, a new model, or both; None keeps what is stored (the default model for a first connection)."""

    api_key: str | None = None
    model: str | None = None


@dataclass(frozen=True)
class ChangeThresholds:
    """Some of the rule thresholds (domain.thresholds.Thresholds names them all); the others stay as they are."""

    overdue_days: int = UNSET
    statement_quiet_days: int = UNSET
    win_back_months: int = UNSET
    maintenance_due_days: int = UNSET
    estimate_follow_up_days: int = UNSET
    lead_contact_days: int = UNSET
    low_rating: int = UNSET
    review_follow_up_days: int = UNSET


@dataclass(frozen=True)
class ReplaceThresholds:
    """Every rule threshold at once (the settings form's save); each within its ``BOUNDS``."""

    overdue_days: int
    statement_quiet_days: int
    win_back_months: int
    maintenance_due_days: int
    estimate_follow_up_days: int
    lead_contact_days: int
    low_rating: int
    review_follow_up_days: int
