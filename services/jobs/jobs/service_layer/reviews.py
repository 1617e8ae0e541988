"""Reviews: a customer rates a completed job once; the customer's reviews, their average, and what is left to rate."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.messaging import emit
from chassis.pagination import Page, encode_cursor, keyset_page
from jobs.adapters.orm import Job, Review
from jobs.domain.reviews import average, check_reviewable, timeline_title
from jobs.service_layer import publishing
from jobs.service_layer.commands import ReceiveReview
from jobs.service_layer.records import add_activity

TO_REVIEW_LIMIT = 20  # jobs a customer is offered to rate at once: the latest, never the whole history
PAGE_ORDER = (Review.created_at, Review.id)


def receive_review(session: Session, job: Job, command: ReceiveReview, *, actor: str, at: dt.datetime) -> Review:
    """Keeps the rating of ``job`` (loaded ``for_update``, so two submissions for one job queue up here), writes it
    on the customer's timeline and announces it (review.received)."""
    check_reviewable(job.status, _reviewed(session, job.id))
    rating, comment = command.rating, (command.comment or "").strip() or None
    review = Review(id=uuid.uuid4(), job_id=job.id, customer_id=job.customer_id, job_number=job.number,
                    job_title=job.title, rating=rating, comment=comment, created_by=actor, created_at=at)
    session.add(review)
    session.flush()
    add_activity(session, customer_id=job.customer_id, record_id=review.id, kind="review", at=at,
                 title=timeline_title(rating, comment), summary=f"{job.number}: {job.title}",
                 link=api_link(f"/jobs/{job.id}"))
    emit(session, publishing.review_received(review))
    return review


def reviews_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    return keyset_page(session, select(Review).where(Review.customer_id == customer_id), list(PAGE_ORDER),
                       limit=limit, cursor=cursor, key=_key)


def summary(session: Session, customer_id: uuid.UUID) -> dict:
    count, total = session.execute(select(func.count(), func.coalesce(func.sum(Review.rating), 0))
                                   .where(Review.customer_id == customer_id)).one()
    return {"count": count, "average": average(total, count)}


def first_page_with_summary(session: Session, customer_id: uuid.UUID, *, limit: int) -> dict:
    """The first page of the customer's reviews with their count and average, as ``GET /customers/<id>/reviews``
    answers it, in one statement: the window sums run over every review of the customer before the limit."""
    rows = session.execute(select(Review, func.count().over(), func.sum(Review.rating).over())
                           .where(Review.customer_id == customer_id)
                           .order_by(*(column.desc() for column in PAGE_ORDER)).limit(limit + 1)).all()
    count, total = (rows[0][1], rows[0][2]) if rows else (0, 0)
    latest = [row[0] for row in rows]
    page = Page(latest[:limit], encode_cursor(_key(latest[limit - 1])) if len(latest) > limit else None)
    return {**page.as_dict(), "summary": {"count": count, "average": average(total, count)}}


def jobs_to_review(session: Session, customer_id: uuid.UUID, *, limit: int = TO_REVIEW_LIMIT) -> list[Job]:
    """The customer's completed jobs nobody rated yet, the latest completed first."""
    stmt = (select(Job).where(Job.customer_id == customer_id, Job.status == "completed",
                              ~exists().where(Review.job_id == Job.id))
            .order_by(Job.completed_at.desc(), Job.id.desc()).limit(limit))
    return list(session.scalars(stmt))


def _reviewed(session: Session, job_id: uuid.UUID) -> bool:
    return session.scalar(select(exists().where(Review.job_id == job_id)))


def _key(review: Review) -> tuple:
    return review.created_at, review.id
