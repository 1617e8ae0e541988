"""The typed event of everything this service publishes, built in one place (fieldwork_contracts.jobs)."""
from __future__ import annotations

import datetime as dt

from fieldwork_contracts.jobs import (EstimateCreated, EstimateShape, EstimateStatusChanged, JobCreated, JobShape,
                                      JobStatusChanged, PlanCreated, PlanShape, PlanStatusChanged, ReviewReceived)

from jobs.adapters.orm import Estimate, Job, Plan, Review


def job_created(job: Job) -> JobCreated:
    return JobCreated(job=JobShape(
        id=job.id, number=job.number, customer_id=job.customer_id, property_id=job.property_id, title=job.title,
        service_type=job.service_type, status=job.status, scheduled_start=job.scheduled_start,
        scheduled_end=job.scheduled_end, total_cents=job.total_cents, currency=job.currency, plan_id=job.plan_id,
        estimate_id=job.estimate_id))


def job_status_changed(job: Job, old: str, at: dt.datetime) -> JobStatusChanged:
    return JobStatusChanged(job_id=job.id, number=job.number, customer_id=job.customer_id, title=job.title,
                            from_=old, to=job.status, changed_at=at, scheduled_start=job.scheduled_start,
                            completed_at=job.completed_at, total_cents=job.total_cents, currency=job.currency)


def estimate_created(estimate: Estimate) -> EstimateCreated:
    return EstimateCreated(estimate=EstimateShape(
        id=estimate.id, number=estimate.number, customer_id=estimate.customer_id, property_id=estimate.property_id,
        title=estimate.title, status=estimate.status, total_cents=estimate.total_cents, currency=estimate.currency,
        valid_until=estimate.valid_until))


def estimate_status_changed(estimate: Estimate, old: str, at: dt.datetime) -> EstimateStatusChanged:
    return EstimateStatusChanged(estimate_id=estimate.id, number=estimate.number, customer_id=estimate.customer_id,
                                 from_=old, to=estimate.status, changed_at=at, total_cents=estimate.total_cents,
                                 currency=estimate.currency, job_id=estimate.job_id)


def plan_created(plan: Plan, next_visit_at: dt.datetime | None) -> PlanCreated:
    return PlanCreated(plan=PlanShape(
        id=plan.id, customer_id=plan.customer_id, property_id=plan.property_id, name=plan.name, status=plan.status,
        price_per_visit_cents=plan.price_per_visit_cents, currency=plan.currency, rrule=plan.rrule,
        next_visit_at=next_visit_at))


def plan_status_changed(plan: Plan, old: str, at: dt.datetime, next_visit_at: dt.datetime | None
                        ) -> PlanStatusChanged:
    return PlanStatusChanged(plan_id=plan.id, customer_id=plan.customer_id, name=plan.name, from_=old,
                             to=plan.status, changed_at=at, next_visit_at=next_visit_at)


def review_received(review: Review) -> ReviewReceived:
    return ReviewReceived(review_id=review.id, customer_id=review.customer_id, job_id=review.job_id,
                          job_number=review.job_number, job_title=review.job_title, rating=review.rating,
                          comment=review.comment, received_at=review.created_at)
