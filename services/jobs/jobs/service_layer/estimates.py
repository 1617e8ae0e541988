"""Estimate use cases: quote, send, view, decline, approve (optionally into a job), convert to a job, expire."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.commands import sent
from chassis.db import found, next_number
from chassis.errors import Conflict
from chassis.messaging import emit
from jobs.adapters.orm import Estimate
from jobs.domain.estimates import effective_status, is_past_validity
from jobs.domain.lifecycle import ESTIMATE
from jobs.domain.money import LineItem, price_line_items
from jobs.domain.schedule import check_moved_at
from jobs.service_layer import publishing
from jobs.service_layer.commands import (ApproveEstimate, MakeEstimateJob, MoveStatus, OpenJob, QuoteEstimate,
                                         ReviseEstimate)
from jobs.service_layer.jobs import open_job
from jobs.service_layer.records import add_activity, apply_edits, record_changes


def load_estimate(session: Session, estimate_id: uuid.UUID, *, for_update: bool = False) -> Estimate:
    return found(session, Estimate, estimate_id, "estimate", with_for_update=for_update)


def shown_as_of(estimate: Estimate, now: dt.datetime) -> Estimate:
    """The estimate as a read at ``now`` shows it: an open one past its last valid day reads expired then."""
    estimate.shown_on = now.astimezone(dt.timezone.utc).date()
    return estimate


def quote(session: Session, command: QuoteEstimate, *, by: str, now: dt.datetime) -> Estimate:
    priced, total = price_line_items(command.line_items)
    details = {name: value for name, value in vars(command).items()
               if name not in ("line_items", "do_not_service_override")}
    estimate = Estimate(id=uuid.uuid4(), number=next_number(session, "estimate", prefix="E-"), status="draft",
                        line_items=priced, total_cents=total, created_by=by, created_at=now, updated_at=now,
                        **details)
    session.add(estimate)
    session.flush()
    record_changes(session, "estimate", estimate, {"status": (None, "draft")}, by, now)
    _timeline(session, estimate, now, f"Estimate {estimate.number} created: {estimate.title}")
    emit(session, publishing.estimate_created(estimate))
    return estimate


def revise(session: Session, estimate: Estimate, command: ReviseEstimate, *, by: str,
           now: dt.datetime) -> Estimate:
    """Edits a draft; once sent, the customer has seen the figures and a new estimate is the honest way."""
    if estimate.status != "draft":
        raise Conflict(f"A {estimate.status} estimate cannot be edited; only a draft can.")
    apply_edits(session, "estimate", estimate, sent(command), by, now)
    return estimate


def move_estimate(session: Session, estimate: Estimate, move: MoveStatus, *, by: str,
                  now: dt.datetime) -> Estimate:
    """Moves the estimate ``now``, dated ``move.happened_at`` when it really happened earlier (sent by hand last
    week)."""
    # An estimate past its valid-until date is expired even before the sweep has written it down.
    ESTIMATE.check(effective_status(estimate.status, estimate.valid_until, now.date()), move.to)
    if move.happened_at is not None:
        check_moved_at(move.happened_at, now)
    return _write_status(session, estimate, move.to, by=by, at=move.happened_at or now)


def _write_status(session: Session, estimate: Estimate, to: str, *, by: str, at: dt.datetime) -> Estimate:
    old = estimate.status
    estimate.status, estimate.updated_at = to, at
    record_changes(session, "estimate", estimate, {"status": (old, to)}, by, at)
    _timeline(session, estimate, at, f"Estimate {estimate.number} {to}: {estimate.title}")
    emit(session, publishing.estimate_status_changed(estimate, old, at))
    return estimate


def approve(session: Session, estimate: Estimate, command: ApproveEstimate, *, by: str,
            now: dt.datetime) -> Estimate:
    """Approves the estimate; with ``create_job`` the job is made from it and the two point at each other."""
    if command.create_job and estimate.job_id is not None:
        raise Conflict("This estimate already has a job.")
    ESTIMATE.check(effective_status(estimate.status, estimate.valid_until, now.date()), "approved")
    if command.create_job:
        _make_job(session, estimate, command, by=by, now=now)
    return move_estimate(session, estimate, MoveStatus("approved"), by=by, now=now)


def convert_to_job(session: Session, estimate: Estimate, command: MakeEstimateJob, *, by: str,
                   now: dt.datetime) -> Estimate:
    """The job of an estimate approved without one (the customer said yes before a date was known)."""
    if estimate.status != "approved":
        raise Conflict(f"A {estimate.status} estimate is not approved; approve it to make its job.")
    if estimate.job_id is not None:
        raise Conflict("This estimate already has a job.")
    _make_job(session, estimate, command, by=by, now=now)
    estimate.updated_at = now
    return estimate


def _make_job(session: Session, estimate: Estimate, window: MakeEstimateJob, *, by: str, now: dt.datetime) -> None:
    """Opens the job the estimate quoted, and the two point at each other."""
    job = open_job(session, OpenJob(
        customer_id=estimate.customer_id, title=estimate.title,
        line_items=[LineItem.of_record(item) for item in estimate.line_items],
        currency=estimate.currency, property_id=estimate.property_id, property_address=estimate.property_address,
        description=estimate.description, service_type=estimate.service_type, scheduled_start=window.scheduled_start,
        scheduled_end=window.scheduled_end, estimate_id=estimate.id), by=by, now=now)
    estimate.job_id = job.id
    record_changes(session, "estimate", estimate, {"job_id": (None, job.id)}, by, now)


def expire_due(session: Session, *, now: dt.datetime) -> int:
    """Writes down the expiry of every open estimate of the session's account past its valid-until date."""
    due = session.scalars(select(Estimate).where(Estimate.status.in_(ESTIMATE.open_statuses),
                                                 Estimate.valid_until < now.date()).with_for_update()).all()
    for estimate in due:
        if is_past_validity(estimate.status, estimate.valid_until, now.date()):
            ESTIMATE.check(estimate.status, "expired")
            _write_status(session, estimate, "expired", by="system:expiry", at=now)
    return len(due)


def _timeline(session: Session, estimate: Estimate, at: dt.datetime, title: str) -> None:
    add_activity(session, customer_id=estimate.customer_id, record_id=estimate.id, kind="estimate", at=at,
                 title=title, summary=estimate.property_address, status=estimate.status,
                 amount_cents=estimate.total_cents, currency=estimate.currency,
                 link=api_link(f"/estimates/{estimate.id}"))
