"""Reading one customer's facts out of the read model: counts and totals over everything, the recent few listed.

Every query is bounded (aggregates, or ``LIMIT RECENT_ITEMS``), so a customer with a long history
costs the same to read as a new one. A merge target also sees the facts of its active duplicates.
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import and_, exists, func, or_, select, union_all
from sqlalchemy.orm import Session

from insights.adapters.orm import (BalanceFact, CommunicationFact, CustomerFact, EstimateFact, InvoiceFact, JobFact,
                                   InvoiceAdjustment, MergeFact, PaymentAllocation, PaymentFact, PlanFact,
                                   ReviewFact, StatementFact)
from insights.domain import facts as f

N = f.RECENT_ITEMS
_MAX_MERGE_DEPTH = 10


def merged_into(session: Session, customer_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(select(MergeFact.target_id).where(MergeFact.duplicate_id == customer_id,
                                                            MergeFact.undone.is_(False))
                          .order_by(MergeFact.merged_at.desc()).limit(1))


def customer_scope(session: Session, customer_id: uuid.UUID) -> list[uuid.UUID]:
    """The customer and every customer merged into it (and into those), while the merges stand."""
    scope, frontier = [customer_id], [customer_id]
    for _ in range(_MAX_MERGE_DEPTH):
        found = session.scalars(select(MergeFact.duplicate_id).where(MergeFact.target_id.in_(frontier),
                                                                     MergeFact.undone.is_(False))).all()
        frontier = [c for c in found if c not in scope]
        if not frontier:
            break
        scope += frontier
    return scope


def _counts(session: Session, column, owner, scope) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).where(owner.in_(scope)).group_by(column))
    return {key: count for key, count in rows}


def _job(row: JobFact) -> f.Job:
    return f.Job(row.id, row.number, row.title, row.status, row.scheduled_start, row.completed_at,
                 row.total_cents, row.currency)


def _jobs(session: Session, scope, now: dt.datetime) -> dict:
    in_scope = JobFact.customer_id.in_(scope)
    last_completed = session.scalars(select(JobFact).where(in_scope, JobFact.status == "completed",
                                                           JobFact.completed_at.is_not(None))
                                     .order_by(JobFact.completed_at.desc()).limit(1)).first()
    next_scheduled = session.scalars(select(JobFact).where(in_scope, JobFact.status == "scheduled",
                                                           JobFact.scheduled_start >= now)
                                     .order_by(JobFact.scheduled_start).limit(1)).first()
    moment = func.coalesce(JobFact.completed_at, JobFact.scheduled_start, JobFact.status_at)
    recent = session.scalars(select(JobFact).where(in_scope).order_by(moment.desc(), JobFact.id).limit(N))
    return {"jobs_by_status": _counts(session, JobFact.status, JobFact.customer_id, scope),
            "last_completed_job": last_completed and _job(last_completed),
            "next_scheduled_job": next_scheduled and _job(next_scheduled),
            "recent_jobs": tuple(_job(j) for j in recent)}


def _estimates(session: Session, scope, account: uuid.UUID) -> dict:
    # The account is spelled out: the chassis's scoping misses a count that names its table only in select_from.
    waiting = and_(EstimateFact.account_id == account, EstimateFact.customer_id.in_(scope),
                   EstimateFact.status.in_(f.WAITING_ESTIMATE_STATUSES))
    since = func.coalesce(EstimateFact.sent_at, EstimateFact.created_at, EstimateFact.status_at)
    rows = session.execute(select(EstimateFact, since).where(waiting).order_by(since, EstimateFact.id).limit(N))
    return {"estimates_by_status": _counts(session, EstimateFact.status, EstimateFact.customer_id, scope),
            "waiting_estimates": tuple(f.Estimate(e.id, e.number, e.title, e.status, waited, e.total_cents, e.currency)
                                       for e, waited in rows),
            "waiting_estimate_count": session.scalar(select(func.count()).select_from(EstimateFact).where(waiting))}


def _plans(session: Session, scope, account: uuid.UUID) -> dict:
    booked = exists().where(JobFact.account_id == account, JobFact.plan_id == PlanFact.id,
                            JobFact.status.in_(f.OPEN_JOB_STATUSES))
    rows = session.execute(select(PlanFact, booked).where(PlanFact.customer_id.in_(scope), PlanFact.status == "active")
                           .order_by(PlanFact.next_visit_at.asc().nulls_last(), PlanFact.id).limit(N))
    return {"plans_by_status": _counts(session, PlanFact.status, PlanFact.customer_id, scope),
            "plans": tuple(f.Plan(p.id, p.name, p.status, p.next_visit_at, bool(has)) for p, has in rows)}


def _invoices(session: Session, scope, account: uuid.UUID, today: dt.date) -> dict:
    # what is applied to each invoice: payments, credits, less refunds taken back off it
    applied = union_all(
        select(PaymentAllocation.invoice_id, PaymentAllocation.amount_cents)
        .where(PaymentAllocation.account_id == account),
        select(InvoiceAdjustment.invoice_id, InvoiceAdjustment.amount_cents)
        .where(InvoiceAdjustment.account_id == account)).subquery()
    allocated = (select(applied.c.invoice_id, func.sum(applied.c.amount_cents).label("cents"))
                 .group_by(applied.c.invoice_id).subquery())
    # paid, then money taken back off it: it owes again (billing announces no "unpaid")
    refunded_since = exists().where(InvoiceAdjustment.account_id == account,
                                    InvoiceAdjustment.invoice_id == InvoiceFact.id,
                                    InvoiceAdjustment.amount_cents < 0)
    open_cents = func.greatest(InvoiceFact.total_cents - func.coalesce(allocated.c.cents, 0), 0)
    # The account is spelled out: the chassis's scoping misses a count that names its table only in select_from.
    is_open = and_(InvoiceFact.account_id == account, InvoiceFact.customer_id.in_(scope),
                   InvoiceFact.sent_at.is_not(None), InvoiceFact.voided_at.is_(None), open_cents > 0,
                   or_(InvoiceFact.paid_at.is_(None), refunded_since))
    is_overdue = and_(is_open, InvoiceFact.due_date < today)
    base = select(InvoiceFact, open_cents).outerjoin(allocated, allocated.c.invoice_id == InvoiceFact.id)
    summary = select(func.count(), func.coalesce(func.sum(open_cents), 0), func.min(InvoiceFact.due_date))
    totals = session.execute(summary.select_from(InvoiceFact)
                             .outerjoin(allocated, allocated.c.invoice_id == InvoiceFact.id).where(is_overdue)).one()
    oldest = session.execute(base.where(is_overdue).order_by(InvoiceFact.due_date, InvoiceFact.id).limit(N))
    open_count = session.scalar(select(func.count()).select_from(InvoiceFact)
                                .outerjoin(allocated, allocated.c.invoice_id == InvoiceFact.id).where(is_open))
    return {"overdue": f.Overdue(int(totals[1]), totals[0], totals[2],
                                 tuple(f.Invoice(i.id, i.number, i.due_date, int(cents), i.total_cents, i.currency)
                                       for i, cents in oldest)),
            "open_invoice_count": open_count}


def _communication(row: CommunicationFact) -> f.Communication:
    return f.Communication(row.id, row.channel, row.direction, row.status, row.occurred_at, row.subject)


def _communications(session: Session, scope) -> dict:
    in_scope = CommunicationFact.customer_id.in_(scope)
    last = session.scalars(select(CommunicationFact).where(in_scope, CommunicationFact.status.in_(f.CONTACT_STATUSES))
                           .order_by(CommunicationFact.occurred_at.desc()).limit(1)).first()
    recent = session.scalars(select(CommunicationFact).where(in_scope)
                             .order_by(CommunicationFact.occurred_at.desc(), CommunicationFact.id).limit(N))
    return {"communications_by_channel": _counts(session, CommunicationFact.channel, CommunicationFact.customer_id,
                                                 scope),
            "last_contact": last and _communication(last),
            "recent_communications": tuple(_communication(c) for c in recent)}


def _latest_review(session: Session, scope) -> f.Review | None:
    row = session.scalars(select(ReviewFact).where(ReviewFact.customer_id.in_(scope))
                          .order_by(ReviewFact.received_at.desc(), ReviewFact.id).limit(1)).first()
    return row and f.Review(row.id, row.job_id, row.job_number, row.rating, row.comment, row.received_at)


def _money(session: Session, account: uuid.UUID, customer_id: uuid.UUID) -> f.Money | None:
    row = session.get(BalanceFact, {"account_id": account, "customer_id": customer_id})
    if row is None:
        return None
    return f.Money(row.currency, row.balance_cents, row.total_billed_cents, row.total_paid_cents,
                   row.lifetime_value_cents, row.credit_cents, row.as_of)


def load_facts(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> f.CustomerFacts | None:
    """The customer's facts, or None when the account has never heard of this customer."""
    account = session.info["account_id"]
    row = session.get(CustomerFact, {"account_id": account, "id": customer_id})
    if row is None:
        return None
    profile = f.Profile(row.id, row.number, row.display_name, row.kind, row.status, row.archived, row.do_not_service,
                        merged_into(session, customer_id), row.created_at)
    scope = customer_scope(session, customer_id)
    payments = session.execute(select(func.count(), func.max(PaymentFact.received_at))
                               .where(PaymentFact.customer_id.in_(scope))).one()
    return f.CustomerFacts(
        profile=profile, money=_money(session, account, customer_id),
        **_invoices(session, scope, account, now.date()), **_jobs(session, scope, now),
        **_estimates(session, scope, account), **_plans(session, scope, account), **_communications(session, scope),
        last_statement_at=session.scalar(select(func.max(StatementFact.requested_at))
                                         .where(StatementFact.customer_id.in_(scope))),
        payment_count=payments[0], last_payment_at=payments[1], latest_review=_latest_review(session, scope),
    )


def stable_until(facts: f.CustomerFacts, now: dt.datetime) -> dt.datetime:
    """The first moment ``load_facts`` may answer differently with the model unchanged (facts hold before it).

    The queries above read ``now`` twice: an open invoice is overdue once its due date is before
    today, so the next midnight may add some; and the next scheduled job is the first that starts
    at or after now, so it stops being next once its start has passed.
    """
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=now.tzinfo)
    job = facts.next_scheduled_job
    return min(midnight, job.scheduled_start) if job and job.scheduled_start else midnight
