"""The events the jobs service publishes (``x-producer: jobs``)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar

from fieldwork_contracts.defs import EstimateStatus, JobStatus, PlanStatus
from fieldwork_contracts.wire import EventData, Shape, shape


@shape
class JobShape(Shape):
    id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    property_id: uuid.UUID | None
    title: str
    service_type: str | None
    status: JobStatus
    scheduled_start: dt.datetime | None
    scheduled_end: dt.datetime | None
    total_cents: int
    currency: str
    plan_id: uuid.UUID | None
    estimate_id: uuid.UUID | None


@shape
class JobCreated(EventData):
    TYPE: ClassVar[str] = "job.created"
    VERSION: ClassVar[int] = 1
    job: JobShape


@shape
class JobStatusChanged(EventData):
    TYPE: ClassVar[str] = "job.status_changed"
    VERSION: ClassVar[int] = 1
    job_id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    title: str
    from_: JobStatus
    to: JobStatus
    changed_at: dt.datetime
    scheduled_start: dt.datetime | None
    completed_at: dt.datetime | None
    total_cents: int
    currency: str


@shape
class EstimateShape(Shape):
    id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    property_id: uuid.UUID | None
    title: str
    status: EstimateStatus
    total_cents: int
    currency: str
    valid_until: dt.date | None


@shape
class EstimateCreated(EventData):
    TYPE: ClassVar[str] = "estimate.created"
    VERSION: ClassVar[int] = 1
    estimate: EstimateShape


@shape
class EstimateStatusChanged(EventData):
    TYPE: ClassVar[str] = "estimate.status_changed"
    VERSION: ClassVar[int] = 1
    estimate_id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    from_: EstimateStatus
    to: EstimateStatus
    changed_at: dt.datetime
    total_cents: int
    currency: str
    job_id: uuid.UUID | None


@shape
class PlanShape(Shape):
    id: uuid.UUID
    customer_id: uuid.UUID
    property_id: uuid.UUID | None
    name: str
    status: PlanStatus
    price_per_visit_cents: int
    currency: str
    rrule: str
    next_visit_at: dt.datetime | None


@shape
class PlanCreated(EventData):
    TYPE: ClassVar[str] = "plan.created"
    VERSION: ClassVar[int] = 1
    plan: PlanShape


@shape
class PlanStatusChanged(EventData):
    TYPE: ClassVar[str] = "plan.status_changed"
    VERSION: ClassVar[int] = 1
    plan_id: uuid.UUID
    customer_id: uuid.UUID
    name: str
    from_: PlanStatus
    to: PlanStatus
    changed_at: dt.datetime
    next_visit_at: dt.datetime | None


@shape
class ReviewReceived(EventData):
    TYPE: ClassVar[str] = "review.received"
    VERSION: ClassVar[int] = 1
    review_id: uuid.UUID
    customer_id: uuid.UUID
    job_id: uuid.UUID
    job_number: str
    job_title: str
    rating: int
    comment: str | None
    received_at: dt.datetime
