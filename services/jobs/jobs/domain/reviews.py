"""Reviews: which jobs may be rated, what the timeline says of a rating, and a customer's average."""
from __future__ import annotations

from chassis.errors import Conflict

RATINGS = range(1, 6)
SUMMARY_MAX = 120  # the part of a comment the timeline shows beside the rating


def check_reviewable(job_status: str, already_reviewed: bool) -> None:
    """A review is of work done: a completed job, once."""
    if job_status != "completed":
        raise Conflict(f"Only a completed job can be reviewed; this one is {job_status.replace('_', ' ')}.",
                       details={"status": job_status})
    if already_reviewed:
        raise Conflict("This job has been reviewed already.")


def timeline_title(rating: int, comment: str | None) -> str:
    """"Rated 5/5 — Quick and tidy", or just the rating when there is no comment."""
    text = " ".join((comment or "").split())
    if not text:
        return f"Rated {rating}/5"
    if len(text) > SUMMARY_MAX:
        text = text[:SUMMARY_MAX - 1].rstrip() + "…"
    return f"Rated {rating}/5 — {text}"


def average(total: int, count: int) -> float | None:
    """The mean rating to one decimal, as the workspace shows it; None when nobody rated yet."""
    return round(total / count, 1) if count else None
