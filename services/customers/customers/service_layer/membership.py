"""Memberships kept from the jobs service's plan events: one row per plan, its latest status and next visit; and
a customer's memberships as they are shown."""
from __future__ import annotations

import datetime as dt
import uuid

from fieldwork_contracts.jobs import PlanShape, PlanStatusChanged
from sqlalchemy import case, func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from customers.adapters import queries
from customers.adapters.orm import Membership
from customers.domain.membership import ACTIVE, plan_end
from customers.service_layer import presenters


def memberships(session: Session, customer_id: uuid.UUID) -> dict:
    """The plans the customer is enrolled in, and the active one if any (what `GET …/membership` answers)."""
    items = [presenters.membership(m) for m in queries.memberships_of(session, customer_id)]
    current = next((m for m in items if m["status"] == ACTIVE), None)
    return {"member": current is not None, "current": current, "items": items}


def plan_created(session: Session, plan: PlanShape, at: dt.datetime) -> None:
    _upsert(session, plan_id=plan.id, customer_id=plan.customer_id, name=plan.name, status=plan.status,
            next_visit_at=plan.next_visit_at, at=at, ends_on=plan_end(plan.rrule))


def plan_status_changed(session: Session, changed: PlanStatusChanged) -> None:
    _upsert(session, plan_id=changed.plan_id, customer_id=changed.customer_id, name=changed.name, status=changed.to,
            next_visit_at=changed.next_visit_at, at=changed.changed_at, ends_on=None)


def _upsert(session: Session, *, plan_id, customer_id, name, status, next_visit_at, at, ends_on) -> None:
    """A later event overwrites an earlier one; one arriving late changes nothing. The membership counts from the
    plan's first being active."""
    values = dict(plan_id=plan_id, account_id=session.info["account_id"], customer_id=customer_id, name=name,
                  status=status, since=at, ends_on=ends_on, next_visit_at=next_visit_at, changed_at=at)
    stmt = insert(Membership).values(**values)
    table = Membership.__table__
    became_active = (stmt.excluded.status == ACTIVE) & (table.c.status != ACTIVE)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.plan_id],
        set_={"name": stmt.excluded.name, "status": stmt.excluded.status,
              "next_visit_at": stmt.excluded.next_visit_at, "changed_at": stmt.excluded.changed_at,
              "ends_on": func.coalesce(table.c.ends_on, stmt.excluded.ends_on),
              "since": case((became_active, stmt.excluded.since), else_=table.c.since)},
        where=table.c.changed_at <= stmt.excluded.changed_at)
    session.execute(stmt)
