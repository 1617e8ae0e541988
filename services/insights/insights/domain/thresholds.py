"""The numbers behind the rule cards: every account may change them; these defaults fit most businesses."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace


@dataclass(frozen=True)
class Thresholds:
    overdue_days: int = 30               # oldest unpaid invoice this many days past due → send a statement
    statement_quiet_days: int = 14       # ... unless a statement went out this recently
    win_back_months: int = 12            # no completed job for this long → win-back
    maintenance_due_days: int = 14       # a plan visit due within this many days and none booked
    estimate_follow_up_days: int = 7     # an estimate waiting this long → follow up
    lead_contact_days: int = 7           # a lead without contact this long → call
    low_rating: int = 2                  # a review rated at or under this many stars → follow up
    review_follow_up_days: int = 30      # ... while the review is younger than this; then the moment has passed

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def updated(self, changes: dict[str, int]) -> "Thresholds":
        return replace(self, **changes)

    @classmethod
    def from_stored(cls, values: dict | None) -> "Thresholds":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (values or {}).items() if k in known})


# Inclusive bounds a setting must stay within (the API refuses anything outside with a 422).
BOUNDS = {
    "overdue_days": (0, 365),
    "statement_quiet_days": (0, 90),
    "win_back_months": (1, 60),
    "maintenance_due_days": (0, 90),
    "estimate_follow_up_days": (1, 90),
    "lead_contact_days": (1, 90),
    "low_rating": (1, 4),
    "review_follow_up_days": (1, 90),
}
