"""Reviews: a customer rates a completed job once (the reviews read back are ``adapters.queries``')."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.errors import NotFound
from chassis.messaging import emit
from jobs.adapters.orm import Job, Review
from jobs.domain.reviews import check_reviewable, timeline_title
from jobs.service_layer import publishing
from jobs.service_layer.commands import ReceiveReview
from jobs.service_layer.jobs import load_job
from jobs.service_layer.records import add_activity

# The subject the gateway signs a portal visitor's calls with: "portal:<customer id>".
PORTAL_SUBJECT = "portal:"


def job_the_caller_may_rate(session: Session, job_id: uuid.UUID, *, subject: str) -> Job:
    """The job, locked, when the caller whose token subject is ``subject`` may rate it: a customer signed in to the
    portal rates only their own jobs (another's is 404, as if it were another account's); the office any job of the
    account."""
    job = load_job(session, job_id, for_update=True)
    if subject.startswith(PORTAL_SUBJECT) and subject.removeprefix(PORTAL_SUBJECT) != str(job.customer_id):
        raise NotFound("No such job.")
    return job


def receive_review(session: Session, job: Job, command: ReceiveReview, *, by: str, now: dt.datetime) -> Review:
    """Keeps the rating of ``job`` (loaded ``for_update``, so two submissions for one job queue up here), writes it
    on the customer's timeline and announces it (review.received)."""
    check_reviewable(job.status, _reviewed(session, job.id))
    rating, comment = command.rating, (command.comment or "").strip() or None
    review = Review(id=uuid.uuid4(), job_id=job.id, customer_id=job.customer_id, job_number=job.number,
                    job_title=job.title, rating=rating, comment=comment, created_by=by, created_at=now)
    session.add(review)
    session.flush()
    add_activity(session, customer_id=job.customer_id, record_id=review.id, kind="review", at=now,
                 title=timeline_title(rating, comment), summary=f"{job.number}: {job.title}",
                 link=api_link(f"/jobs/{job.id}"))
    emit(session, publishing.review_received(review))
    return review


def _reviewed(session: Session, job_id: uuid.UUID) -> bool:
    return session.scalar(select(exists().where(Review.job_id == job_id)))

