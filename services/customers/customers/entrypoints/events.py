"""Handlers of the events the customers service consumes: each reads its event as the contract's typed class."""
from __future__ import annotations

from fieldwork_contracts.billing import InvoiceCreated, PaymentRecordedV2
from fieldwork_contracts.comms import CommunicationLogged
from fieldwork_contracts.jobs import EstimateStatusChanged, JobCreated, JobStatusChanged, PlanCreated, PlanStatusChanged
from sqlalchemy.orm import Session

from chassis.messaging import Event, Handlers
from chassis.messaging.event import utcnow
from customers.domain import lifecycle
from customers.service_layer import membership
from customers.service_layer.references import COMMUNICATIONS
from customers.service_layer.review_requests import request_review
from customers.service_layer.work import record_contact, record_work

handlers = Handlers().include(COMMUNICATIONS.handlers)


@handlers.on("communication.logged")
def on_communication_logged(session: Session, event: Event) -> None:
    communication = CommunicationLogged.from_data(event.data).communication
    if communication.customer_id:
        record_contact(session, communication.customer_id, at=communication.occurred_at, status=communication.status)


@handlers.on("estimate.status_changed")
def on_estimate_status_changed(session: Session, event: Event) -> None:
    now = utcnow()
    changed = EstimateStatusChanged.from_data(event.data)
    if changed.to == "sent":
        record_work(session, changed.customer_id, target=lifecycle.ESTIMATE_SENT, work_at=changed.changed_at,
                    cause=f"estimate {changed.number} sent", now=now)


@handlers.on("job.status_changed")
def on_job_status_changed(session: Session, event: Event) -> None:
    now = utcnow()
    changed = JobStatusChanged.from_data(event.data)
    if changed.to in lifecycle.JOB_STATUSES_THAT_ACTIVATE:
        record_work(session, changed.customer_id, target=lifecycle.JOB_UNDER_WAY, work_at=changed.changed_at,
                    cause=f"job {changed.number} {changed.to.replace('_', ' ')}", now=now)


@handlers.on("job.status_changed", adapters=("portal_tokens", "portal_url"))
def ask_for_a_review(session: Session, event: Event, portal_tokens, portal_url: str) -> None:
    """A completed job's customer is asked to rate it (customers issues the portal link; comms sends it)."""
    now = utcnow()
    changed = JobStatusChanged.from_data(event.data)
    if changed.to == "completed":
        request_review(session, changed, tokens=portal_tokens, portal_url=portal_url, now=now)


@handlers.on("invoice.created")
def on_invoice_created(session: Session, event: Event) -> None:
    now = utcnow()
    invoice = InvoiceCreated.from_data(event.data).invoice
    record_work(session, invoice.customer_id, target=lifecycle.PAID_WORK, work_at=event.occurred_at,
                cause=f"invoice {invoice.number} recorded", now=now)


@handlers.on("payment.recorded", version=2)  # v2 also tells of money paid in a system history was imported from
def on_payment_recorded(session: Session, event: Event) -> None:
    now = utcnow()
    payment = PaymentRecordedV2.from_data(event.data)
    record_work(session, payment.customer_id, target=lifecycle.PAID_WORK, work_at=payment.received_at,
                cause="payment recorded", now=now)


@handlers.on("job.created")
def on_job_created(session: Session, event: Event) -> None:
    now = utcnow()
    job = JobCreated.from_data(event.data).job
    if job.status in lifecycle.JOB_STATUSES_THAT_ACTIVATE:
        record_work(session, job.customer_id, target=lifecycle.JOB_UNDER_WAY, work_at=event.occurred_at,
                    cause=f"job {job.number} {job.status.replace('_', ' ')}", now=now)


@handlers.on("plan.created")
def on_plan_created(session: Session, event: Event) -> None:
    membership.plan_created(session, PlanCreated.from_data(event.data).plan, at=event.occurred_at)


@handlers.on("plan.status_changed")
def on_plan_status_changed(session: Session, event: Event) -> None:
    membership.plan_status_changed(session, PlanStatusChanged.from_data(event.data))
