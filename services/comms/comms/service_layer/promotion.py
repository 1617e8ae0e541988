"""Messages that promote rather than serve: never to a customer flagged do-not-service."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.do_not_service import flagged
from chassis.errors import Conflict

SERVICE = "service"


def refuse_marketing_if_flagged(session: Session, customer_id: uuid.UUID, purpose: str) -> None:
    """409 with the flag's reason for a marketing message or review request to a flagged customer; messages about
    the customer's own work (the default, and every automatic one: invites, statements, invoices) still go."""
    if purpose == SERVICE:
        return
    is_flagged, reason = flagged(session, customer_id)
    if is_flagged:
        because = f": {reason}" if reason else ""
        kind = "review requests" if purpose == "review_request" else "marketing messages"
        raise Conflict(f"This customer is flagged do-not-service{because}. They get no {kind}.",
                       details={"do_not_service_reason": reason})
