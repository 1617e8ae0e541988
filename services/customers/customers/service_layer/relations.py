"""Linking customers (bill-to parents, property managers and tenants, households), and keeping links consistent
through merges and erasures."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from chassis.errors import NotFound, ValidationFailed
from customers.adapters import queries
from customers.adapters.orm import Customer, Relation
from customers.adapters.relations import links_of
from customers.domain import relations as rules
from customers.service_layer import presenters
from customers.service_layer.commands import LinkCustomer


def related_customers(session: Session, customer_id: uuid.UUID) -> dict:
    """The customer's links, each read from this customer's end (what `GET …/relations` answers)."""
    linked = queries.relations_with_others(session, customer_id)
    return {"items": [presenters.relation(relation, other, customer_id) for relation, other in linked]}


def link(session: Session, customer: Customer, command: LinkCustomer, *, by: str, now: dt.datetime) -> Relation:
    """``customer`` (locked by the caller) is the command's kind of the related customer."""
    kind = command.kind
    related = session.get(Customer, command.related_id)
    if related is None:
        raise ValidationFailed({"related_id": ["No such customer in this account."]})
    if related.merged_into is not None:
        raise ValidationFailed({"related_id": ["This customer was merged into another; link that one instead."]})
    existing = [(l.customer_id, l.related_id, l.kind) for l in links_of(session, [customer.id])
                if related.id in (l.customer_id, l.related_id)]
    why_not = rules.check_link(customer.id, related.id, kind, existing)
    if why_not:
        raise ValidationFailed({"related_id": [why_not]})
    relation = Relation(customer_id=customer.id, related_id=related.id, kind=kind, created_by=by, created_at=now)
    session.add(relation)
    session.flush()
    return relation


def unlink(session: Session, customer: Customer, relation_id: uuid.UUID) -> None:
    relation = session.get(Relation, relation_id)
    if relation is None or customer.id not in (relation.customer_id, relation.related_id):
        raise NotFound("No such link of this customer.")
    session.delete(relation)
    session.flush()


def move_on_merge(session: Session, duplicate_id: uuid.UUID, target_id: uuid.UUID) -> None:
    """The duplicate's links now belong to the survivor; a link between the two (a self-link now) is dropped."""
    links = [(l.id, l.customer_id, l.related_id, l.kind) for l in links_of(session, [duplicate_id, target_id])]
    moved, dropped = rules.on_merge(links, duplicate_id, target_id)
    if dropped:
        session.execute(delete(Relation).where(Relation.id.in_(dropped)))
    for link_id, customer_id, related_id in moved:
        session.execute(update(Relation).where(Relation.id == link_id)
                        .values(customer_id=customer_id, related_id=related_id))


def forget(session: Session, customer_ids: list[uuid.UUID]) -> None:
    """An erased customer is linked to nobody: who they lived with or paid for is about the person."""
    session.execute(delete(Relation).where(Relation.customer_id.in_(customer_ids)))
    session.execute(delete(Relation).where(Relation.related_id.in_(customer_ids)))
