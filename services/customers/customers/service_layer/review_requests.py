"""Review requests: when a job is completed, the customer gets a portal link asking them to rate it (once per job,
unless the account turned requests off or the customer is not to be contacted so), and the account's setting."""
from __future__ import annotations

import datetime as dt

from fieldwork_contracts.jobs import JobStatusChanged
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from customers.adapters.orm import Customer, ReviewRequest, ReviewSetting
from customers.adapters.portal_tokens import PortalTokens
from customers.domain.review_requests import reason_not_to_ask, recipient
from customers.service_layer import invites
from customers.service_layer.commands import SetReviewRequests

LINK_DAYS = 14  # longer than a plain invitation's week: a rating may wait for the weekend
SENDER = "system:review-request"


def request_review(session: Session, job: JobStatusChanged, *, tokens: PortalTokens, portal_url: str,
                   now: dt.datetime) -> ReviewRequest | None:
    """Sends the review request of a job that moved to completed (``job`` is the job.status_changed event); None when
    none goes: not completed, turned off, do-not-service, archived, unknown customer, nowhere to send, or asked
    already."""
    customer = session.get(Customer, job.customer_id)
    if customer is not None and customer.merged_into is not None:
        customer = session.get(Customer, customer.merged_into)
    if customer is None or reason_not_to_ask(job_status=job.to, archived=customer.archived_at is not None,
                                             do_not_service=customer.do_not_service,
                                             turned_off=not sends_review_requests(session)):
        return None
    # Asked already (the completion heard again under another event id). Two at once would meet at the unique
    # constraint: the loser's event is retried by the consumer and ends here.
    if session.scalar(select(ReviewRequest.id).where(ReviewRequest.job_id == job.job_id)) is not None:
        return None
    to = recipient(customer.preferred_channel, *invites.contact_points(customer))
    if to is None:
        return None
    invite = invites.issue(session, customer, tokens=tokens, portal_url=portal_url, by=SENDER, now=now,
                           days=LINK_DAYS, send_to={"email": to.email} if to.email else {"phone": to.phone},
                           purpose="review_request", channel=to.channel, job_id=job.job_id,
                           job_number=job.number)
    request = ReviewRequest(customer_id=customer.id, job_id=job.job_id, job_number=job.number, invite_id=invite.id,
                            channel=to.channel, created_at=now)
    session.add(request)
    session.flush()
    return request


def sends_review_requests(session: Session) -> bool:
    setting = session.scalars(select(ReviewSetting)).first()
    return True if setting is None else setting.send_review_requests


def set_review_requests(session: Session, command: SetReviewRequests, *, by: str, now: dt.datetime) -> bool:
    send = command.send_review_requests
    stmt = insert(ReviewSetting).values(account_id=session.info["account_id"], send_review_requests=send,
                                        updated_by=by, updated_at=now)
    session.execute(stmt.on_conflict_do_update(index_elements=[ReviewSetting.account_id], set_={
        "send_review_requests": send, "updated_by": by, "updated_at": now}))
    return send

