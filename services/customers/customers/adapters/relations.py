"""How links between customers and the memberships kept from the plan events are stored (revision 0011)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, DateTime, ForeignKey, String, case, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from chassis.db import Tenanted
from customers.adapters.orm import Base, Customer, Stamp


class Relation(Tenanted, Base):
    __tablename__ = "customer_relations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    related_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp)


class Membership(Tenanted, Base):
    __tablename__ = "memberships"
    plan_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    since: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    next_visit_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def links_of(session: Session, customer_ids: list[uuid.UUID]) -> list[Relation]:
    """Every link either end of which is one of ``customer_ids``, oldest first."""
    return list(session.scalars(select(Relation).where(or_(Relation.customer_id.in_(customer_ids),
                                                           Relation.related_id.in_(customer_ids)))
                                .order_by(Relation.created_at, Relation.id)))


def relations_with_others(session: Session, customer_id: uuid.UUID) -> list[tuple[Relation, Customer]]:
    """The customer's links, each with the customer at the other end (one statement)."""
    other = case((Relation.customer_id == customer_id, Relation.related_id), else_=Relation.customer_id)
    rows = session.execute(select(Relation, Customer).join(Customer, Customer.id == other)
                           .where(or_(Relation.customer_id == customer_id, Relation.related_id == customer_id))
                           .order_by(Relation.created_at, Relation.id))
    return [(relation, customer) for relation, customer in rows]


def memberships_of(session: Session, customer_id: uuid.UUID) -> list[Membership]:
    return list(session.scalars(select(Membership).where(Membership.customer_id == customer_id)
                                .order_by(Membership.since.desc(), Membership.plan_id)))


def linked_to(session: Session, customer_id: uuid.UUID) -> set[uuid.UUID]:
    """The customers linked to ``customer_id``, from either end."""
    rows = session.execute(select(Relation.customer_id, Relation.related_id).where(
        or_(Relation.customer_id == customer_id, Relation.related_id == customer_id))).all()
    return {other for pair in rows for other in pair} - {customer_id}
