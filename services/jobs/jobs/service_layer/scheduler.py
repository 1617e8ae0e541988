"""The scheduler's work: turn active plans' coming visits into scheduled jobs, once each; expire estimates."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.db import Database
from jobs.adapters.orm import Estimate, Job, Plan
from jobs.domain import recurrence
from jobs.domain.lifecycle import ESTIMATE
from jobs.domain.money import LineItem
from jobs.service_layer.commands import OpenJob
from jobs.service_layer.estimates import expire_due
from jobs.service_layer.jobs import open_job

log = logging.getLogger(__name__)
BY = "system:scheduler"
# How far ahead a plan's visits are booked, by each pass and when the office books a plan's visits at once.
HORIZON = dt.timedelta(days=30)


@dataclass
class SchedulerReport:
    visits_created: int = 0
    estimates_expired: int = 0


def schedule_plan_visits(session: Session, plan: Plan, *, now: dt.datetime, horizon: dt.timedelta) -> int:
    """Creates the plan's missing visits up to ``now + horizon``; the caller holds the plan's row lock."""
    if plan.status != "active":
        return 0
    wanted = recurrence.visits_between(plan.rrule, plan.starts_at, max(now, plan.starts_at), now + horizon)
    existing = set(session.scalars(select(Job.visit_at).where(Job.plan_id == plan.id,
                                                             Job.visit_at.in_(wanted)))) if wanted else set()
    created = 0
    for visit in wanted:
        if visit in existing:
            continue
        open_job(session, OpenJob(
            customer_id=plan.customer_id, title=plan.name, status="scheduled",
            line_items=[LineItem(f"{plan.name} visit", quantity=1, unit_price_cents=plan.price_per_visit_cents)],
            currency=plan.currency, property_id=plan.property_id, property_address=plan.property_address,
            service_type=plan.service_type, scheduled_start=visit,
            scheduled_end=visit + dt.timedelta(minutes=plan.visit_minutes), plan_id=plan.id, visit_at=visit),
            by=BY, now=now)
        created += 1
    return created


def run_once(database: Database, *, now: dt.datetime, horizon: dt.timedelta) -> SchedulerReport:
    """One pass over every account; each plan in its own transaction, so one bad plan stops nothing else."""
    report = SchedulerReport()
    with database.transaction(unscoped=True) as session:
        plans = session.execute(select(Plan.id, Plan.account_id).where(Plan.status == "active")).all()
        accounts = session.scalars(select(Estimate.account_id).where(
            Estimate.status.in_(ESTIMATE.open_statuses), Estimate.valid_until < now.date()).distinct()).all()
    for plan_id, account_id in plans:
        try:
            with database.transaction(account_id=account_id) as session:
                # The row lock makes two schedulers running at once take turns on a plan; the unique
                # (plan_id, visit_at) constraint is the last guard should anything slip past it.
                plan = session.get(Plan, plan_id, with_for_update=True)
                report.visits_created += schedule_plan_visits(session, plan, now=now, horizon=horizon)
        except Exception:
            log.exception("scheduling a plan failed", extra={"plan_id": str(plan_id)})
    for account_id in accounts:
        with database.transaction(account_id=account_id) as session:
            report.estimates_expired += expire_due(session, now=now)
    return report
