"""What the read model knows about one customer, as plain values the rules and the fact sheet read."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

# How many of the most recent items of each kind are listed; older ones are only counted and summed.
RECENT_ITEMS = 5


@dataclass(frozen=True)
class Profile:
    id: uuid.UUID
    number: str | None
    display_name: str | None
    kind: str | None
    status: str | None
    archived: bool
    do_not_service: bool
    merged_into: uuid.UUID | None
    created_at: dt.datetime | None


@dataclass(frozen=True)
class Money:
    currency: str
    balance_cents: int
    total_billed_cents: int
    total_paid_cents: int
    lifetime_value_cents: int
    credit_cents: int
    as_of: dt.datetime


@dataclass(frozen=True)
class Job:
    id: uuid.UUID
    number: str
    title: str
    status: str
    scheduled_start: dt.datetime | None
    completed_at: dt.datetime | None
    total_cents: int
    currency: str


@dataclass(frozen=True)
class Estimate:
    id: uuid.UUID
    number: str
    title: str | None
    status: str
    waiting_since: dt.datetime | None
    total_cents: int
    currency: str


@dataclass(frozen=True)
class Plan:
    id: uuid.UUID
    name: str
    status: str
    next_visit_at: dt.datetime | None
    has_open_visit: bool


@dataclass(frozen=True)
class Invoice:
    id: uuid.UUID
    number: str
    due_date: dt.date
    open_cents: int
    total_cents: int
    currency: str


@dataclass(frozen=True)
class Communication:
    id: uuid.UUID
    channel: str
    direction: str
    status: str
    occurred_at: dt.datetime
    subject: str | None


@dataclass(frozen=True)
class Review:
    id: uuid.UUID
    job_id: uuid.UUID
    job_number: str
    rating: int
    comment: str | None
    received_at: dt.datetime


@dataclass(frozen=True)
class Overdue:
    total_cents: int = 0
    count: int = 0
    oldest_due_date: dt.date | None = None
    oldest: tuple[Invoice, ...] = ()   # the oldest few, for citations


@dataclass(frozen=True)
class CustomerFacts:
    profile: Profile
    money: Money | None = None
    overdue: Overdue = field(default_factory=Overdue)
    open_invoice_count: int = 0
    jobs_by_status: dict[str, int] = field(default_factory=dict)
    last_completed_job: Job | None = None
    next_scheduled_job: Job | None = None
    recent_jobs: tuple[Job, ...] = ()
    estimates_by_status: dict[str, int] = field(default_factory=dict)
    waiting_estimates: tuple[Estimate, ...] = ()   # sent or viewed, oldest first
    waiting_estimate_count: int = 0
    plans: tuple[Plan, ...] = ()                   # soonest visit first
    plans_by_status: dict[str, int] = field(default_factory=dict)
    communications_by_channel: dict[str, int] = field(default_factory=dict)
    last_contact: Communication | None = None
    recent_communications: tuple[Communication, ...] = ()
    last_statement_at: dt.datetime | None = None
    payment_count: int = 0
    last_payment_at: dt.datetime | None = None
    latest_review: Review | None = None

    @property
    def open_job_count(self) -> int:
        return sum(self.jobs_by_status.get(status, 0) for status in OPEN_JOB_STATUSES)


OPEN_JOB_STATUSES = ("draft", "scheduled", "in_progress")
WAITING_ESTIMATE_STATUSES = ("sent", "viewed")
# A communication counts as contact when it reached the customer or came from them.
CONTACT_STATUSES = ("sent", "delivered", "received", "completed", "voicemail")
