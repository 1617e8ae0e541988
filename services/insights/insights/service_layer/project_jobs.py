"""Jobs, estimates and maintenance plans into the read model (events of the jobs service)."""
from __future__ import annotations

from fieldwork_contracts.jobs import (EstimateCreated, EstimateStatusChanged, JobCreated, JobStatusChanged,
                                      PlanCreated, PlanStatusChanged)
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import EstimateFact, JobFact, PlanFact
from insights.adapters.rows import locked
from insights.domain.facts import WAITING_ESTIMATE_STATUSES
from insights.domain.ordering import earliest, is_newer, latest
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects


@projects("job.created")
def _job_created(session: Session, event: Event, created: JobCreated) -> None:
    job, at = created.job, event.occurred_at
    customer_row(session, event.account_id, job.customer_id)
    row = locked(session, JobFact, {
        "account_id": event.account_id, "id": job.id, "customer_id": job.customer_id,
        "number": job.number, "title": job.title, "service_type": job.service_type, "status": job.status,
        "status_at": at, "scheduled_start": job.scheduled_start, "completed_at": None,
        "total_cents": job.total_cents, "currency": job.currency, "plan_id": job.plan_id})
    row.service_type, row.plan_id = job.service_type, job.plan_id  # only this event tells them


@projects("job.status_changed")
def _job_status_changed(session: Session, event: Event, changed: JobStatusChanged) -> None:
    completed_at = changed.completed_at if changed.to == "completed" else None
    customer_row(session, event.account_id, changed.customer_id)
    row = locked(session, JobFact, {
        "account_id": event.account_id, "id": changed.job_id, "customer_id": changed.customer_id,
        "number": changed.number, "title": changed.title, "service_type": None, "status": changed.to,
        "status_at": event.occurred_at, "scheduled_start": changed.scheduled_start,
        "completed_at": completed_at, "total_cents": changed.total_cents, "currency": changed.currency,
        "plan_id": None})
    # Which status is current goes by when each move was recorded (the event's time), not by changed_at: a job
    # completed last month and recorded today is dated last month, yet it moved after its creation was recorded.
    if is_newer(event.occurred_at, row.status_at):
        row.status, row.status_at, row.title = changed.to, event.occurred_at, changed.title
        row.scheduled_start, row.total_cents = changed.scheduled_start, changed.total_cents
    row.completed_at = latest(row.completed_at, completed_at)


@projects("estimate.created")
def _estimate_created(session: Session, event: Event, created: EstimateCreated) -> None:
    estimate, at = created.estimate, event.occurred_at
    customer_row(session, event.account_id, estimate.customer_id)
    row = locked(session, EstimateFact, {
        "account_id": event.account_id, "id": estimate.id,
        "customer_id": estimate.customer_id, "number": estimate.number, "title": estimate.title,
        "status": estimate.status, "status_at": at, "created_at": at, "total_cents": estimate.total_cents,
        "currency": estimate.currency,
        "sent_at": at if estimate.status in WAITING_ESTIMATE_STATUSES else None})
    row.title, row.created_at = estimate.title, earliest(row.created_at, at)


@projects("estimate.status_changed")
def _estimate_status_changed(session: Session, event: Event, changed: EstimateStatusChanged) -> None:
    sent_at = changed.changed_at if changed.to == "sent" else None
    customer_row(session, event.account_id, changed.customer_id)
    row = locked(session, EstimateFact, {
        "account_id": event.account_id, "id": changed.estimate_id,
        "customer_id": changed.customer_id, "number": changed.number, "title": None,
        "status": changed.to, "status_at": event.occurred_at, "created_at": None,
        "total_cents": changed.total_cents, "currency": changed.currency, "sent_at": sent_at})
    if is_newer(event.occurred_at, row.status_at):  # recorded order, as for jobs above
        row.status, row.status_at, row.total_cents = changed.to, event.occurred_at, changed.total_cents
    row.sent_at = earliest(row.sent_at, sent_at)  # waiting counts from the first time it went out


@projects("plan.created")
def _plan_created(session: Session, event: Event, created: PlanCreated) -> None:
    plan, at = created.plan, event.occurred_at
    customer_row(session, event.account_id, plan.customer_id)
    row = locked(session, PlanFact, {
        "account_id": event.account_id, "id": plan.id, "customer_id": plan.customer_id,
        "name": plan.name, "status": plan.status, "status_at": at, "next_visit_at": plan.next_visit_at,
        "price_per_visit_cents": plan.price_per_visit_cents, "currency": plan.currency})
    row.price_per_visit_cents, row.currency = plan.price_per_visit_cents, plan.currency


@projects("plan.status_changed")
def _plan_status_changed(session: Session, event: Event, changed: PlanStatusChanged) -> None:
    customer_row(session, event.account_id, changed.customer_id)
    row = locked(session, PlanFact, {
        "account_id": event.account_id, "id": changed.plan_id, "customer_id": changed.customer_id,
        "name": changed.name, "status": changed.to, "status_at": changed.changed_at,
        "next_visit_at": changed.next_visit_at, "price_per_visit_cents": None, "currency": None})
    if is_newer(changed.changed_at, row.status_at):
        row.status, row.status_at, row.name = changed.to, changed.changed_at, changed.name
        row.next_visit_at = changed.next_visit_at
