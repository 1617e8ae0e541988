"""What the routes, the plan scheduler and estimates ask the service layer to do, as plain values: no request, no
HTTP body. An edit's fields default to ``UNSET``, "not sent", so a field left alone and a field set to null stay
apart; ``sent`` gives the fields an edit does change. New work carries its ``do_not_service_override`` (an
``Override``) until ``holds.cleared_for_work`` takes it off."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from chassis.commands import UNSET
from jobs.domain.money import LineItem


@dataclass(frozen=True)
class Override:
    """An explicit decision to work for a customer flagged do-not-service, with its own reason (kept in history)."""

    reason: str


@dataclass(frozen=True)
class OpenJob:
    """A new job: a draft, or scheduled when it has a start time (unless ``status`` says otherwise). The crew comes
    as ids and, beside them, the names the record shows; a job booked by a plan or made from an estimate points at
    it."""

    customer_id: uuid.UUID
    title: str
    status: str | None = None
    currency: str = "USD"
    line_items: tuple[LineItem, ...] | list[LineItem] = ()
    technician_ids: tuple | list = ()
    technicians: tuple | list = ()
    property_id: uuid.UUID | None = None
    property_address: str | None = None
    description: str | None = None
    service_type: str | None = None
    scheduled_start: dt.datetime | None = None
    scheduled_end: dt.datetime | None = None
    notes: str | None = None
    estimate_id: uuid.UUID | None = None
    plan_id: uuid.UUID | None = None
    visit_at: dt.datetime | None = None
    do_not_service_override: Override | None = None


@dataclass(frozen=True)
class EditJob:
    title: str = UNSET
    description: str | None = UNSET
    service_type: str | None = UNSET
    scheduled_start: dt.datetime | None = UNSET
    scheduled_end: dt.datetime | None = UNSET
    technician_ids: list = UNSET
    technicians: list = UNSET
    line_items: list[LineItem] = UNSET
    notes: str | None = UNSET
    property_id: uuid.UUID | None = UNSET
    property_address: str | None = UNSET


@dataclass(frozen=True)
class QuoteEstimate:
    customer_id: uuid.UUID
    title: str
    currency: str = "USD"
    line_items: tuple[LineItem, ...] | list[LineItem] = ()
    property_id: uuid.UUID | None = None
    property_address: str | None = None
    description: str | None = None
    service_type: str | None = None
    valid_until: dt.date | None = None
    do_not_service_override: Override | None = None


@dataclass(frozen=True)
class ReviseEstimate:
    title: str = UNSET
    description: str | None = UNSET
    service_type: str | None = UNSET
    line_items: list[LineItem] = UNSET
    valid_until: dt.date | None = UNSET
    property_id: uuid.UUID | None = UNSET
    property_address: str | None = UNSET


@dataclass(frozen=True)
class SetUpPlan:
    """A maintenance plan: visits by ``rrule`` from ``starts_at``, each ``visit_minutes`` long."""

    customer_id: uuid.UUID
    name: str
    rrule: str
    starts_at: dt.datetime
    price_per_visit_cents: int
    status: str = "assessment"
    currency: str = "USD"
    visit_minutes: int = 60
    service_type: str | None = None
    property_id: uuid.UUID | None = None
    property_address: str | None = None
    do_not_service_override: Override | None = None


@dataclass(frozen=True)
class RevisePlan:
    name: str = UNSET
    service_type: str | None = UNSET
    price_per_visit_cents: int = UNSET
    rrule: str = UNSET
    starts_at: dt.datetime = UNSET
    visit_minutes: int = UNSET
    property_id: uuid.UUID | None = UNSET
    property_address: str | None = UNSET


@dataclass(frozen=True)
class AddTechnician:
    name: str
    colour: str
    active: bool = True


@dataclass(frozen=True)
class EditTechnician:
    name: str = UNSET
    colour: str = UNSET
    active: bool = UNSET


@dataclass(frozen=True)
class AddVisit:
    """Another visit of an open job; the crew by id, checked against the account's active technicians."""

    scheduled_start: dt.datetime
    scheduled_end: dt.datetime | None = None
    technician_ids: tuple[uuid.UUID, ...] | list[uuid.UUID] = ()
    notes: str | None = None


@dataclass(frozen=True)
class MakeEstimateJob:
    """The job of an approved estimate, booked for the window when it has a start, else a draft."""

    scheduled_start: dt.datetime | None = None
    scheduled_end: dt.datetime | None = None


@dataclass(frozen=True)
class ApproveEstimate(MakeEstimateJob):
    """Approval; with ``create_job`` the estimate's job is made at once, in the window given."""

    create_job: bool = True


@dataclass(frozen=True)
class MoveStatus:
    """A job's, an estimate's or a visit's status move, dated ``happened_at`` when it really happened earlier (a job
    completed on site days ago), else when it is made."""

    to: str
    happened_at: dt.datetime | None = None


@dataclass(frozen=True)
class MovePlan:
    """A plan's status move; activating the plan of a customer flagged do-not-service needs the override."""

    to: str
    do_not_service_override: Override | None = None


@dataclass(frozen=True)
class ReceiveReview:
    """A customer's rating of a completed job, with what they had to say."""

    rating: int
    comment: str | None = None
