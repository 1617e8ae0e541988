"""What every change writes beside itself: its history, the customer's timeline and the open-job tally."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from jobs.adapters.orm import ActivityEntry, Change, CustomerTally, Job
from jobs.domain.lifecycle import JOB
from jobs.domain.money import price_line_items


def _plain(value):
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def record_changes(session: Session, kind: str, record, changes: dict[str, tuple], by: str,
                   at: dt.datetime) -> None:
    """One history row per changed field of a job, estimate or plan: who, when, from, to.

    Each row names the record's customer, so that writing it makes only that customer's stored part stale (the
    part store watches ``changes`` by ``customer_id``), not every part of the account."""
    for field, (old, new) in changes.items():
        session.add(Change(record_kind=kind, record_id=record.id, customer_id=record.customer_id, field=field,
                           old_value=_plain(old), new_value=_plain(new), changed_by=by, changed_at=at))


def apply_edits(session: Session, kind: str, record, changes: dict, by: str, now: dt.datetime) -> None:
    """Sets the fields that really change (re-pricing new line items) and keeps one history row for each."""
    if "line_items" in changes:
        changes = {**changes}
        changes["line_items"], changes["total_cents"] = price_line_items(changes["line_items"])
    diff = {field: (getattr(record, field), value) for field, value in changes.items()
            if getattr(record, field) != value}
    for field, (_, value) in diff.items():
        setattr(record, field, value)
    if diff:
        record.updated_at = now
        record_changes(session, kind, record, diff, by, now)


def add_activity(session: Session, *, customer_id: uuid.UUID, record_id: uuid.UUID, kind: str, at: dt.datetime,
                 title: str, summary: str | None = None, status: str | None = None, amount_cents: int | None = None,
                 currency: str | None = None, link: str | None = None) -> None:
    session.add(ActivityEntry(customer_id=customer_id, record_id=record_id, kind=kind, occurred_at=at, title=title,
                              summary=summary, status=status, amount_cents=amount_cents, currency=currency,
                              link=link))


def adjust_open_jobs(session: Session, customer_id: uuid.UUID, delta: int) -> None:
    """Keeps the customer's open-job count in the transaction of the change (an atomic upsert, safe under races)."""
    if delta == 0:
        return
    stmt = insert(CustomerTally).values(account_id=session.info["account_id"], customer_id=customer_id,
                                        open_jobs=delta)
    session.execute(stmt.on_conflict_do_update(index_elements=[CustomerTally.customer_id],
                                               set_={"open_jobs": CustomerTally.open_jobs + delta}))


def recount_open_jobs(session: Session, customer_id: uuid.UUID) -> None:
    """After a merge moves many jobs at once, counting again is simpler and surer than adding up."""
    count = session.scalar(select(func.count()).select_from(Job).where(
        Job.customer_id == customer_id, Job.status.in_(JOB.open_statuses)))
    stmt = insert(CustomerTally).values(account_id=session.info["account_id"], customer_id=customer_id,
                                        open_jobs=count)
    session.execute(stmt.on_conflict_do_update(index_elements=[CustomerTally.customer_id],
                                               set_={"open_jobs": count}))
