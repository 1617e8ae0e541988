"""Read side: customer pages and summaries, read straight from indexed queries (no domain objects needed)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.customer_directory import CustomersApi, KnownCustomer, lookup, require_customer
from chassis.errors import NotFound, ValidationFailed
from chassis.pagination import Page, keyset_page
from jobs.adapters.orm import ActivityEntry, CustomerTally, Job

RECENT_DAYS = 30
RECENT_LIMIT = 10


def visible_customer(session: Session, customer_id: uuid.UUID, api: CustomersApi) -> KnownCustomer:
    """The caller's customer (archived or merged ones included), else 404: reads never reveal other accounts."""
    known = lookup(session, customer_id)
    if known is not None:
        return known
    try:
        return require_customer(session, customer_id, api, allow_archived=True)
    except ValidationFailed:
        known = lookup(session, customer_id)  # a merged customer was remembered by the check above
        if known is None:
            raise NotFound("No such customer.") from None
        return known


def page_of(session: Session, model, customer_id: uuid.UUID, *, limit: int, cursor: str | None,
            status: str | None = None, order=None) -> Page:
    order = order or [model.created_at, model.id]
    stmt = select(model).where(model.customer_id == customer_id)
    if status:
        stmt = stmt.where(model.status == status)
    return keyset_page(session, stmt, order, limit=limit, cursor=cursor,
                       key=lambda row: tuple(getattr(row, column.key) for column in order))


def activity_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    return page_of(session, ActivityEntry, customer_id, limit=limit, cursor=cursor,
                   order=[ActivityEntry.occurred_at, ActivityEntry.id])


def summary(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> dict:
    """Three index lookups and one counter row: the same cost for 10 jobs or 50,000."""
    open_count = session.scalar(select(CustomerTally.open_jobs).where(CustomerTally.customer_id == customer_id))
    last_completed = _completed(session, customer_id, 1, None)
    next_scheduled = _upcoming(session, customer_id, now, 1)
    return {"open_count": open_count or 0, "last_completed": last_completed[0] if last_completed else None,
            "next_scheduled": next_scheduled[0] if next_scheduled else None}


def recent_activity(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> dict:
    return {"completed_recently": _completed(session, customer_id, RECENT_LIMIT, now - dt.timedelta(days=RECENT_DAYS)),
            "upcoming": _upcoming(session, customer_id, now, RECENT_LIMIT)}


def _completed(session: Session, customer_id: uuid.UUID, limit: int, since: dt.datetime | None) -> list[Job]:
    stmt = select(Job).where(Job.customer_id == customer_id, Job.status == "completed")
    if since is not None:
        stmt = stmt.where(Job.completed_at >= since)
    return list(session.scalars(stmt.order_by(Job.completed_at.desc()).limit(limit)))


def _upcoming(session: Session, customer_id: uuid.UUID, now: dt.datetime, limit: int) -> list[Job]:
    return list(session.scalars(select(Job).where(Job.customer_id == customer_id, Job.status == "scheduled",
                                                  Job.scheduled_start >= now)
                                .order_by(Job.scheduled_start).limit(limit)))
