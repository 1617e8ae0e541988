"""What happens to a send after it left: the provider's delivery report, and the office's retry of a failure."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.db import found
from chassis.errors import Conflict, NotFound

from comms.adapters.orm import Communication, Delivery
from comms.domain.communication import DELIVERED, FAILED, QUEUED, SENDING, SENT
from comms.domain.withheld import PORTAL_LINK
from comms.service_layer.sending import require_configured

# The provider's words (Twilio's MessageStatus) that end a send; the in-between ones change nothing.
_DELIVERED_WORDS = {"delivered", "read"}
_FAILED_WORDS = {"failed", "undelivered", "bounced", "rejected"}


def report_delivery(session: Session, provider_ref: str, provider_status: str, error: str | None) -> Communication:
    """Applies a status callback to the send the provider knows as ``provider_ref``; 404 when none is ours.

    Only a send the provider took (sending, sent) moves on, so a report repeated or out of order never turns a
    delivered message back, nor a retried one failed."""
    comm = session.scalars(select(Communication).where(
        Communication.provider_ref == provider_ref, Communication.direction == "outbound")
        .with_for_update()).first()
    if comm is None:
        raise NotFound("No message of this account has that provider id.")
    word = provider_status.strip().lower()
    if comm.status in (SENDING, SENT):
        if word in _DELIVERED_WORDS:
            comm.status, comm.failure_reason = DELIVERED, None
        elif word in _FAILED_WORDS:
            comm.status = FAILED
            comm.failure_reason = f"The provider could not deliver it ({word}){': ' + error if error else ''}."
    session.flush()
    return comm


def retry(session: Session, communication_id: uuid.UUID, *, configured: dict[str, bool],
          now: dt.datetime) -> Communication:
    """Queues a failed send again from its first attempt; 409 when it did not fail or cannot be sent again."""
    comm = found(session, Communication, communication_id, "communication")
    if comm.direction != "outbound" or comm.status != FAILED:
        raise Conflict(f"Only a failed send can be retried; this one is {comm.status}.")
    require_configured(comm.channel, configured)
    delivery = session.get(Delivery, communication_id, with_for_update=True)
    if delivery is None or not comm.to_address:
        raise Conflict("This message has no address to go to; send a new one.")
    if PORTAL_LINK in (comm.body or "") and not delivery.withheld:
        raise Conflict("This invitation's link is no longer kept; send a new portal invite.")
    delivery.state, delivery.attempts, delivery.next_attempt_at, delivery.last_error = "pending", 0, now, None
    comm.status, comm.failure_reason, comm.attempts, comm.next_attempt_at = QUEUED, None, 0, now
    comm.provider_ref = None
    session.flush()
    return comm
