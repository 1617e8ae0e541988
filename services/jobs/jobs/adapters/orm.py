"""The jobs service's tables, mapped with SQLAlchemy; every one is account-owned (``Tenanted``)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (BigInteger, CheckConstraint, Computed, Date, DateTime, ForeignKey, Identity, Index, Integer,
                        SmallInteger, String, Text, UniqueConstraint, func, text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, query_expression

from chassis.db import Tenanted


class Base(DeclarativeBase):
    pass


def _now_column() -> Mapped[dt.datetime]:
    return mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class QuotedWork:
    """What jobs and estimates both are: numbered work for a customer at a property."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID]
    property_id: Mapped[uuid.UUID | None]
    property_address: Mapped[str | None] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    service_type: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    line_items: Mapped[list] = mapped_column(JSONB, default=list)
    total_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3))


WORK_AT = "COALESCE(completed_at, scheduled_start, created_at)"


class Job(QuotedWork, Tenanted, Base):
    __tablename__ = "jobs"
    __table_args__ = (
        UniqueConstraint("account_id", "number"),
        # A plan's visit at a given time exists once, however often the scheduler runs.
        UniqueConstraint("plan_id", "visit_at", name="jobs_one_job_per_plan_visit"),
        Index("jobs_by_customer", "account_id", "customer_id", "created_at", "id"),
        Index("jobs_by_customer_work_date", "account_id", "customer_id", "work_at", "id"),
        Index("jobs_by_work_date", "account_id", "work_at", "id"),
        Index("jobs_by_customer_status", "account_id", "customer_id", "status", "created_at", "id"),
        # Full (not partial) indexes: a bound status parameter can use them under any query plan.
        Index("jobs_completed_by_customer", "account_id", "customer_id", "status", "completed_at"),
        Index("jobs_scheduled_by_customer", "account_id", "customer_id", "status", "scheduled_start"),
    )

    scheduled_start: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    scheduled_end: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The assigned technicians' ids, and their names as they were when assigned (what the job shows).
    technician_ids: Mapped[list] = mapped_column(JSONB, default=list)
    technicians: Mapped[list] = mapped_column(JSONB, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("plans.id"))
    visit_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    estimate_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("estimates.id"))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = _now_column()
    updated_at: Mapped[dt.datetime] = _now_column()
    # A past job kept from another system's history: that system's name ("Jobber") and the job's number there.
    imported_from: Mapped[str | None] = mapped_column(String(60))
    source_number: Mapped[str | None] = mapped_column(String(40))
    # The date the work was (or will be) done, which service history is ordered by: written by PostgreSQL from the
    # columns it follows, so no write path can forget it.
    work_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), Computed(WORK_AT, persisted=True),
                                               nullable=False)


class Technician(Tenanted, Base):
    """A person of the account who does the work: assigned to jobs and visits by id, shown by name and colour."""

    __tablename__ = "technicians"
    __table_args__ = (Index("technicians_by_name", "account_id", "name", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    colour: Mapped[str] = mapped_column(String(7))
    created_at: Mapped[dt.datetime] = _now_column()


class Visit(Tenanted, Base):
    """One trip of a job that takes several: when, who, and whether it was made."""

    __tablename__ = "job_visits"
    __table_args__ = (Index("visits_by_job", "account_id", "job_id", "scheduled_start", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"))
    customer_id: Mapped[uuid.UUID]
    scheduled_start: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    scheduled_end: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20))
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    technician_ids: Mapped[list] = mapped_column(JSONB, default=list)
    technicians: Mapped[list] = mapped_column(JSONB, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = _now_column()


class Estimate(QuotedWork, Tenanted, Base):
    __tablename__ = "estimates"
    __table_args__ = (
        UniqueConstraint("account_id", "number"),
        Index("estimates_by_customer", "account_id", "customer_id", "created_at", "id"),
    )

    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    shown_on = None  # not mapped: the day a read shows statuses for, set by the read (estimates.shown_as_of)
    job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", use_alter=True, name="estimates_job_id_fkey"))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = _now_column()
    updated_at: Mapped[dt.datetime] = _now_column()


class Plan(Tenanted, Base):
    __tablename__ = "plans"
    __table_args__ = (
        Index("plans_by_customer", "account_id", "customer_id", "created_at", "id"),
        Index("plans_active", "status", postgresql_where=text("status = 'active'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    property_id: Mapped[uuid.UUID | None]
    property_address: Mapped[str | None] = mapped_column(String(500))
    name: Mapped[str] = mapped_column(String(200))
    service_type: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    price_per_visit_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    rrule: Mapped[str] = mapped_column(String(500))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    visit_minutes: Mapped[int] = mapped_column(Integer)
    shown_visits = None  # not mapped: the next visits as of a read's moment, set by the read (plans.shown_as_of)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = _now_column()
    updated_at: Mapped[dt.datetime] = _now_column()


class Photo(Tenanted, Base):
    __tablename__ = "photos"
    __table_args__ = (Index("photos_by_customer", "account_id", "customer_id", "uploaded_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    caption: Mapped[str | None] = mapped_column(String(500))
    filename: Mapped[str | None] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(50))
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    storage_key: Mapped[str] = mapped_column(String(200))
    thumbnail_key: Mapped[str] = mapped_column(String(200))
    uploaded_by: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[dt.datetime] = _now_column()


class Review(Tenanted, Base):
    """The customer's rating of a completed job, once per job; the job's number and title as they were reviewed."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("job_id", name="reviews_one_per_job"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="reviews_rating_1_to_5"),
        Index("reviews_by_customer", "account_id", "customer_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"))
    customer_id: Mapped[uuid.UUID]
    job_number: Mapped[str] = mapped_column(String(20))
    job_title: Mapped[str] = mapped_column(String(200))
    rating: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = _now_column()
    # Read only beside a first page of the customer's reviews (queries.first_reviews_with_summary): the count and
    # the rating total of all the customer's reviews, so the page and its summary take one statement.
    customers_review_count: Mapped[int | None] = query_expression()
    customers_rating_total: Mapped[int | None] = query_expression()


class Change(Tenanted, Base):
    """One change to a job, estimate or plan: who, when, which field, from what, to what."""

    __tablename__ = "changes"
    __table_args__ = (Index("changes_by_record", "account_id", "record_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    position: Mapped[int] = mapped_column(BigInteger, Identity())
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    # The record's customer when the change was written: whose stored workspace part the change makes stale.
    customer_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[object | None] = mapped_column(JSONB)
    new_value: Mapped[object | None] = mapped_column(JSONB)
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class CustomerTally(Tenanted, Base):
    """Per-customer counts kept in the transaction of each change, so the summary never counts jobs."""

    __tablename__ = "customer_tallies"

    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    open_jobs: Mapped[int] = mapped_column(Integer, default=0)


class ActivityEntry(Tenanted, Base):
    """A customer's timeline items from this service, written with the change they describe."""

    __tablename__ = "activity"
    __table_args__ = (Index("activity_by_customer", "account_id", "customer_id", "occurred_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str | None] = mapped_column(String(20))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    link: Mapped[str | None] = mapped_column(String(200))
