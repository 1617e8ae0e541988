"""Review requests: the portal invitation customers issues when a job is completed, sent with review wording by
the channel it names (email or text); never to a customer flagged do-not-service, once per job."""
from __future__ import annotations

import datetime as dt

from fieldwork_contracts.customers import PortalInviteRequested
from sqlalchemy.orm import Session

from chassis.do_not_service import flagged
from comms.adapters.orm import Communication
from comms.domain.contact_points import normalise_email, normalise_phone
from comms.domain.documents import time_shown
from comms.domain.withheld import PORTAL_LINK
from comms.service_layer.automatic import AUTOMATIC
from comms.service_layer.sending import NOT_CONFIGURED, queue_message, record_unsendable

PURPOSE = "review_request"


def is_review_request(invite: PortalInviteRequested) -> bool:
    return invite.purpose == PURPOSE


def review_wording(invite: PortalInviteRequested, channel: str) -> tuple[str | None, str]:
    """Subject (emails only) and body; the link stays a placeholder in what is stored (comms.domain.withheld)."""
    ask = f"How did we do on job {invite.job_number}? Rate us: {PORTAL_LINK}?review={invite.job_id}"
    if channel == "sms":
        return None, ask
    return (f"How did we do on job {invite.job_number}?",
            f"Hello {invite.customer_name},\n\n{ask}\n\nThe link signs you in to your customer portal once and "
            f"expires on {time_shown(invite.expires_at)}.\n")


def send_review_request(session: Session, invite: PortalInviteRequested, *, senders: dict[str, str],
                        configured: dict[str, bool], region: str, now: dt.datetime) -> Communication | None:
    """Queues the request on its channel; None for a customer flagged do-not-service since it was issued."""
    customer_id = invite.customer_id
    if flagged(session, customer_id)[0]:
        return None
    channel = invite.channel or "email"
    subject, body = review_wording(invite, channel)
    source_ref = f"{PURPOSE}:{invite.job_id}"
    if not configured[channel]:
        return record_unsendable(session, customer_id=customer_id, channel=channel, subject=subject, body=body,
                                 handled_by=AUTOMATIC, reason=NOT_CONFIGURED[channel], now=now, source_ref=source_ref)
    to = normalise_phone(invite.phone, region) if channel == "sms" else normalise_email(invite.email)
    return queue_message(session, customer_id=customer_id, channel=channel, to=to, subject=subject, body=body,
                         handled_by=AUTOMATIC, from_address=senders[channel], now=now, source_ref=source_ref,
                         withheld={PORTAL_LINK: invite.magic_link})
