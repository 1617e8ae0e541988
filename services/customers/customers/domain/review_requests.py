"""Review requests: whether a completed job gets one, and by which channel it goes."""
from __future__ import annotations

from dataclasses import dataclass

EMAIL, SMS = "email", "sms"


@dataclass(frozen=True)
class Recipient:
    """Who a review request goes to, and how."""

    channel: str
    email: str | None
    phone: str | None


def reason_not_to_ask(*, job_status: str, archived: bool, do_not_service: bool, turned_off: bool) -> str | None:
    """Why a completed job's customer is not asked for a review (None: ask)."""
    if job_status != "completed":
        return "the job is not completed"
    if turned_off:
        return "the account sends no review requests"
    if do_not_service:
        return "the customer is flagged do-not-service"
    if archived:
        return "the customer is archived"
    return None


def recipient(preferred_channel: str | None, email: str | None, phone: str | None) -> Recipient | None:
    """The customer's preferred channel when it can carry the request; else whichever can. A customer who prefers
    calls has no automatic channel of that kind: a text reaches the same phone. None: nothing reaches them."""
    if preferred_channel in ("sms", "phone") and phone:
        return Recipient(SMS, None, phone)
    if email:
        return Recipient(EMAIL, email, None)
    if phone:
        return Recipient(SMS, None, phone)
    return None
