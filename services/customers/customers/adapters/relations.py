"""Reads of the links between customers and of the memberships kept from the plan events (revision 0011)."""
from __future__ import annotations

import uuid

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from customers.adapters.orm import Customer, Membership, Relation


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
