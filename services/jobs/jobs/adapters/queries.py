"""Reads: the pages and summaries the routes answer, read straight from indexed queries (no domain objects
needed)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import NamedTuple

from sqlalchemy import DateTime, Integer, Select, Uuid, bindparam, exists, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased, with_expression

from chassis.activity import api_link
from chassis.pagination import Page, keyset_page, page_of
from jobs.adapters.orm import ActivityEntry, Change, CustomerTally, Job, Photo, Review, Technician, Visit
from jobs.domain.lifecycle import JOB
from jobs.domain.reviews import average

RECENT_DAYS = 30
RECENT_LIMIT = 10

# Service history: newest first by the date the work was (or will be) done, the id breaking ties.
JOB_PAGE_ORDER = (Job.work_at, Job.id)


def job_page_key(job: Job) -> tuple:
    return job.work_at, job.id


def account_jobs(session: Session, *, status: str | None, limit: int, cursor: str | None) -> Page:
    """The account's jobs in service-history order, only those of ``status`` when given."""
    stmt = select(Job)
    if status:
        stmt = stmt.where(Job.status == status)
    return keyset_page(session, stmt, list(JOB_PAGE_ORDER), limit=limit, cursor=cursor, key=job_page_key)


def customer_page(session: Session, model, customer_id: uuid.UUID, *, limit: int, cursor: str | None,
            status: str | None = None, order=None) -> Page:
    order = order or ([*JOB_PAGE_ORDER] if model is Job else [model.created_at, model.id])
    stmt = select(model).where(model.customer_id == customer_id)
    if status:
        stmt = stmt.where(model.status == status)
    return keyset_page(session, stmt, order, limit=limit, cursor=cursor,
                       key=lambda row: tuple(getattr(row, column.key) for column in order))


def activity_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    return customer_page(session, ActivityEntry, customer_id, limit=limit, cursor=cursor,
                   order=[ActivityEntry.occurred_at, ActivityEntry.id])


def summary(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> dict:
    """Three index lookups and one counter row: the same cost for 10 jobs or 50,000."""
    return summary_of(session.scalar(_open_jobs(customer_id)) or 0, _completed(session, customer_id, 1, None),
                    _upcoming(session, customer_id, now, 1))


def recent_activity(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> dict:
    return {"completed_recently": _completed(session, customer_id, RECENT_LIMIT, recent_since(now)),
            "upcoming": _upcoming(session, customer_id, now, RECENT_LIMIT)}


def photo_view(photo: Photo, job: Job | None) -> dict:
    """A photo as every list shows it: with its job's number and title, and the links to the image."""
    return {"id": photo.id, "customer_id": photo.customer_id, "job_id": photo.job_id, "caption": photo.caption,
            "filename": photo.filename, "content_type": photo.content_type, "size_bytes": photo.size_bytes,
            "width": photo.width, "height": photo.height, "uploaded_by": photo.uploaded_by,
            "uploaded_at": photo.uploaded_at, "job_number": job.number if job else None,
            "job_title": job.title if job else None, "url": api_link(f"/photos/{photo.id}"),
            "thumbnail_url": api_link(f"/photos/{photo.id}/thumbnail")}


def job_photos(session: Session, job: Job, *, limit: int, cursor: str | None) -> Page:
    """A page of the job's photos, newest first, as the list shows them."""
    order = [Photo.uploaded_at, Photo.id]
    page = keyset_page(session, select(Photo).where(Photo.job_id == job.id), order, limit=limit, cursor=cursor,
                       key=lambda photo: (photo.uploaded_at, photo.id))
    return Page([photo_view(photo, job) for photo in page.items], page.next_cursor)


def customer_photos(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    """A page of the customer's photos, newest first, each with its job's number and title (one more statement)."""
    page = customer_page(session, Photo, customer_id, limit=limit, cursor=cursor, order=[Photo.uploaded_at, Photo.id])
    job_ids = {photo.job_id for photo in page.items if photo.job_id}
    jobs = {job.id: job for job in session.scalars(select(Job).where(Job.id.in_(job_ids)))} if job_ids else {}
    return Page([photo_view(photo, jobs.get(photo.job_id)) for photo in page.items], page.next_cursor)


def technicians(session: Session, *, active: bool | None, limit: int, cursor: str | None) -> Page:
    """The account's technicians by name, only the active (or inactive) ones when ``active`` says so."""
    stmt = select(Technician)
    if active is not None:
        stmt = stmt.where(Technician.active == active)
    return keyset_page(session, stmt, [Technician.name, Technician.id], limit=limit, cursor=cursor,
                       key=lambda t: (t.name, t.id), descending=False)


def latest_photos(session: Session, customer_id: uuid.UUID, limit: int) -> dict:
    """The workspace's photos section: the latest few (as the list shows them) and how many there are, in one
    statement (the count is taken over all the customer's photos before the limit)."""
    rows = session.execute(select(Photo, Job, func.count().over()).outerjoin(Job, Job.id == Photo.job_id)
                           .where(Photo.customer_id == customer_id)
                           .order_by(Photo.uploaded_at.desc(), Photo.id.desc()).limit(limit)).all()
    return {"items": [photo_view(photo, job) for photo, job, _ in rows], "count": rows[0][2] if rows else 0}


def summary_of(open_count: int, completed: list[Job], upcoming: list[Job]) -> dict:
    return {"open_count": open_count, "last_completed": completed[0] if completed else None,
            "next_scheduled": upcoming[0] if upcoming else None}


def _open_jobs(customer_id) -> Select:
    return select(CustomerTally.open_jobs).where(CustomerTally.customer_id == customer_id)


def recent_since(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(days=RECENT_DAYS)


def _completed_jobs(customer_id) -> Select:
    return (select(Job).where(Job.customer_id == customer_id, Job.status == "completed")
            .order_by(Job.completed_at.desc()))


def _upcoming_jobs(customer_id, now) -> Select:
    return (select(Job).where(Job.customer_id == customer_id, Job.status == "scheduled", Job.scheduled_start >= now)
            .order_by(Job.scheduled_start))


def _completed(session: Session, customer_id: uuid.UUID, limit: int, since: dt.datetime | None) -> list[Job]:
    stmt = _completed_jobs(customer_id)
    if since is not None:
        stmt = stmt.where(Job.completed_at >= since)
    return list(session.scalars(stmt.limit(limit)))


def _upcoming(session: Session, customer_id: uuid.UUID, now: dt.datetime, limit: int) -> list[Job]:
    return list(session.scalars(_upcoming_jobs(customer_id, now).limit(limit)))


def _job_lists_statement() -> Select:
    """Everything the part shows about jobs in one statement: one round trip instead of four.

    A UNION ALL of the first page of jobs (one row more, to know whether another page follows), the latest completed
    and the next scheduled, each branch the statement of its own endpoint (one index scan); every row also carries
    the open-job count (an uncorrelated subquery, run once). No row at all means no jobs, hence none open. Built once
    with its values bound per call: building a union costs more than running it.
    """
    customer_id = bindparam("customer_id", type_=Uuid)
    recent = bindparam("recent", type_=Integer)
    branches = {
        "page": select(Job).where(Job.customer_id == customer_id)
        .order_by(*(column.desc() for column in JOB_PAGE_ORDER)).limit(bindparam("page_size", type_=Integer)),
        "completed": _completed_jobs(customer_id).limit(recent),
        "upcoming": _upcoming_jobs(customer_id, bindparam("now", type_=DateTime(timezone=True))).limit(recent),
    }
    lists = union_all(*(branch.add_columns(literal(name).label("list")) for name, branch in branches.items()))
    lists = lists.subquery("job_lists")
    return select(aliased(Job, lists), lists.c.list, _open_jobs(customer_id).scalar_subquery())


_JOB_LISTS = _job_lists_statement()


class JobLists(NamedTuple):
    page: Page
    completed: list[Job]
    upcoming: list[Job]
    open_count: int


def job_lists(session: Session, customer_id: uuid.UUID, now: dt.datetime, *, page_size: int) -> JobLists:
    """The first page of the customer's jobs (as ``GET /customers/<id>/jobs`` answers it), the latest completed, the
    next scheduled and the open count, in one statement."""
    lists: dict[str, list[Job]] = {"page": [], "completed": [], "upcoming": []}
    open_count = None
    for job, name, open_count in session.execute(_JOB_LISTS, {"customer_id": customer_id, "recent": RECENT_LIMIT,
                                                              "now": now, "page_size": page_size + 1}):
        lists[name].append(job)
    # A union promises no order across or within its branches: each list is put back in its endpoint's order.
    lists["page"].sort(key=job_page_key, reverse=True)
    lists["completed"].sort(key=lambda job: job.completed_at, reverse=True)
    lists["upcoming"].sort(key=lambda job: job.scheduled_start)
    # The page is a branch of the union, so keyset_page cannot read it; page_of cuts it as keyset_page would.
    return JobLists(page_of(lists["page"], page_size, job_page_key), lists["completed"], lists["upcoming"],
                    open_count or 0)


TO_REVIEW_LIMIT = 20  # jobs a customer is offered to rate at once: the latest, never the whole history
REVIEW_PAGE_ORDER = (Review.created_at, Review.id)


def review_page_key(review: Review) -> tuple:
    return review.created_at, review.id


def reviews_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    return keyset_page(session, select(Review).where(Review.customer_id == customer_id), list(REVIEW_PAGE_ORDER),
                       limit=limit, cursor=cursor, key=review_page_key)


def review_summary(session: Session, customer_id: uuid.UUID) -> dict:
    count, total = session.execute(select(func.count(), func.coalesce(func.sum(Review.rating), 0))
                                   .where(Review.customer_id == customer_id)).one()
    return {"count": count, "average": average(total, count)}


def first_reviews_with_summary(session: Session, customer_id: uuid.UUID, *, limit: int) -> dict:
    """The first page of the customer's reviews with their count and average, as ``GET /customers/<id>/reviews``
    answers it, in one statement: the window sums run over every review of the customer before the limit."""
    stmt = (select(Review).where(Review.customer_id == customer_id)
            .options(with_expression(Review.customers_review_count, func.count().over()),
                     with_expression(Review.customers_rating_total, func.sum(Review.rating).over()))
            # reviews already in the session get the sums too
            .execution_options(populate_existing=True))
    page = keyset_page(session, stmt, list(REVIEW_PAGE_ORDER), limit=limit, cursor=None, key=review_page_key)
    first = page.items[0] if page.items else None
    count, total = (first.customers_review_count, first.customers_rating_total) if first else (0, 0)
    return {**page.as_dict(), "summary": {"count": count, "average": average(total, count)}}


def jobs_to_review(session: Session, customer_id: uuid.UUID, *, limit: int = TO_REVIEW_LIMIT) -> list[Job]:
    """The customer's completed jobs nobody rated yet, the latest completed first."""
    stmt = (select(Job).where(Job.customer_id == customer_id, Job.status == "completed",
                              ~exists().where(Review.job_id == Job.id))
            .order_by(Job.completed_at.desc(), Job.id.desc()).limit(limit))
    return list(session.scalars(stmt))


def history(session: Session, record_id: uuid.UUID) -> list[Change]:
    """A job's, an estimate's or a plan's changes, in the order they were made."""
    return list(session.scalars(select(Change).where(Change.record_id == record_id)
                                .order_by(Change.position)))


def visits_of(session: Session, job_id: uuid.UUID) -> list[Visit]:
    return list(session.scalars(select(Visit).where(Visit.job_id == job_id)
                                .order_by(Visit.scheduled_start, Visit.id)))


def open_visits(session: Session, plan_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    """The visits the plan booked that are still to be done, soonest first."""
    stmt = select(Job).where(Job.plan_id == plan_id, Job.status.in_(JOB.open_statuses))
    order = [Job.scheduled_start, Job.id]
    return keyset_page(session, stmt, order, limit=limit, cursor=cursor, descending=False,
                       key=lambda job: (job.scheduled_start, job.id))
