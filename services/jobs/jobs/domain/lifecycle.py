"""The status machines of jobs, estimates and maintenance plans: which moves are allowed."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import Conflict


@dataclass(frozen=True)
class Lifecycle:
    """A record kind's statuses and the moves allowed out of each; anything else is a conflict."""

    kind: str
    moves: dict[str, frozenset[str]]
    open_statuses: frozenset[str]

    @property
    def statuses(self) -> tuple[str, ...]:
        return tuple(self.moves)

    def check(self, current: str, target: str) -> None:
        if target not in self.moves[current]:
            allowed = ", ".join(sorted(self.moves[current])) or "nothing (it is final)"
            raise Conflict(f"A {self.kind} cannot move from {current} to {target}; from {current} it may move to "
                           f"{allowed}.", details={"from": current, "to": target})

    def is_open(self, status: str) -> bool:
        return status in self.open_statuses


def _moves(**moves: set[str]) -> dict[str, frozenset[str]]:
    return {status: frozenset(targets) for status, targets in moves.items()}


JOB = Lifecycle(
    "job",
    _moves(draft={"scheduled", "cancelled"}, scheduled={"in_progress", "cancelled"},
           in_progress={"completed", "cancelled"}, completed=set(), cancelled=set()),
    open_statuses=frozenset({"draft", "scheduled", "in_progress"}),
)

# "expired" is reached by time (valid_until passing), never chosen by hand; see estimates.expiry.
ESTIMATE = Lifecycle(
    "estimate",
    _moves(draft={"sent", "expired"}, sent={"viewed", "approved", "declined", "expired"},
           viewed={"approved", "declined", "expired"}, approved=set(), declined=set(), expired=set()),
    open_statuses=frozenset({"draft", "sent", "viewed"}),
)

PLAN = Lifecycle(
    "plan",
    _moves(assessment={"active", "cancelled"}, active={"paused", "cancelled"}, paused={"active", "cancelled"},
           cancelled=set()),
    open_statuses=frozenset({"assessment", "active", "paused"}),
)
