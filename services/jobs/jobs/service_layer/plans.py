"""Maintenance plan use cases: set up, activate, pause, cancel (with its future visits), the visits it booked."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.db import found
from chassis.activity import api_link
from chassis.errors import Conflict, field_error
from chassis.messaging import emit
from jobs.adapters.orm import Job, Plan
from jobs.domain import recurrence
from jobs.domain.lifecycle import PLAN
from jobs.service_layer import publishing
from chassis.commands import sent
from jobs.service_layer.commands import MovePlan, MoveStatus, RevisePlan, SetUpPlan
from jobs.service_layer.jobs import move_job
from jobs.service_layer.records import add_activity, apply_edits, record_changes
from jobs.service_layer.scheduler import HORIZON, schedule_plan_visits

UPCOMING_SHOWN = 3


def load_plan(session: Session, plan_id: uuid.UUID, *, for_update: bool = False) -> Plan:
    return found(session, Plan, plan_id, "maintenance plan", with_for_update=for_update)


def next_visits(plan: Plan, after: dt.datetime, count: int = UPCOMING_SHOWN) -> list[dt.datetime]:
    """Visits still to come; a plan that is not active has none planned."""
    if plan.status != "active":
        return []
    return recurrence.next_visits(plan.rrule, plan.starts_at, max(after, plan.starts_at), count)


def shown_as_of(plan: Plan, now: dt.datetime) -> Plan:
    """The plan as a read at ``now`` shows it, with the next visits still to come then."""
    plan.shown_visits = next_visits(plan, now)
    return plan


def _next_visit(plan: Plan, at: dt.datetime) -> dt.datetime | None:
    visits = next_visits(plan, at, 1)
    return visits[0] if visits else None


def set_up(session: Session, command: SetUpPlan, *, by: str, now: dt.datetime) -> Plan:
    if command.status not in ("assessment", "active"):
        raise field_error("status", "A new plan starts as assessment or active.")
    recurrence.parse(command.rrule, command.starts_at)
    details = {name: value for name, value in vars(command).items() if name != "do_not_service_override"}
    plan = Plan(id=uuid.uuid4(), created_by=by, created_at=now, updated_at=now, **details)
    session.add(plan)
    session.flush()
    record_changes(session, "plan", plan, {"status": (None, plan.status)}, by, now)
    _timeline(session, plan, now, f"Maintenance plan created: {plan.name}")
    emit(session, publishing.plan_created(plan, _next_visit(plan, now)))
    return plan


def revise_plan(session: Session, plan: Plan, command: RevisePlan, *, by: str, now: dt.datetime) -> Plan:
    """Edits terms and recurrence; visits already booked keep theirs, the scheduler books new ones by the new rule."""
    changes = sent(command)
    if plan.status == "cancelled":
        raise Conflict("A cancelled plan cannot be edited.")
    recurrence.parse(changes.get("rrule", plan.rrule), changes.get("starts_at", plan.starts_at))
    apply_edits(session, "plan", plan, changes, by, now)
    return plan


def move_plan(session: Session, plan: Plan, move: MovePlan, *, by: str, now: dt.datetime) -> Plan:
    to = move.to
    PLAN.check(plan.status, to)
    old = plan.status
    plan.status, plan.updated_at = to, now
    record_changes(session, "plan", plan, {"status": (old, to)}, by, now)
    if to == "cancelled":
        cancel_future_visits(session, plan, by=by, now=now)
    _timeline(session, plan, now, f"Maintenance plan {to}: {plan.name}")
    emit(session, publishing.plan_status_changed(plan, old, now, _next_visit(plan, now)))
    return plan


def book_visits(session: Session, plan: Plan, *, now: dt.datetime) -> int:
    """Books an active plan's visits as far ahead as the scheduler does, now rather than at its next pass.

    The office asks for it when it sets a plan up or resumes one and wants the visits on the schedule while the
    customer is on the phone. It is the scheduler's own booking, so a visit is never booked twice; the caller
    holds the plan's row lock, which a scheduler pass on the same plan waits for.
    """
    if plan.status != "active":
        raise Conflict(f"Only an active plan books visits; this one is {plan.status}.",
                       details={"status": plan.status})
    return schedule_plan_visits(session, plan, now=now, horizon=HORIZON)


def cancel_future_visits(session: Session, plan: Plan, *, by: str, now: dt.datetime) -> int:
    visits = session.scalars(select(Job).where(Job.plan_id == plan.id, Job.status.in_(("draft", "scheduled")),
                                               Job.scheduled_start > now).with_for_update()).all()
    for job in visits:
        move_job(session, job, MoveStatus("cancelled"), by=by, now=now)
    return len(visits)


def pause_active_plans(session: Session, customer_id: uuid.UUID, *, by: str, now: dt.datetime) -> int:
    plans = session.scalars(select(Plan).where(Plan.customer_id == customer_id, Plan.status == "active")
                            .with_for_update()).all()
    for plan in plans:
        move_plan(session, plan, MovePlan("paused"), by=by, now=now)
    return len(plans)


def _timeline(session: Session, plan: Plan, at: dt.datetime, title: str) -> None:
    add_activity(session, customer_id=plan.customer_id, record_id=plan.id, kind="plan", at=at, title=title,
                 summary=plan.property_address, status=plan.status, amount_cents=plan.price_per_visit_cents,
                 currency=plan.currency, link=api_link(f"/plans/{plan.id}"))
