"""The links between customers (revision 0011) as the use cases read them: to move, forget or mark stale."""
from __future__ import annotations

import uuid

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from customers.adapters.orm import Relation


def links_of(session: Session, customer_ids: list[uuid.UUID]) -> list[Relation]:
    """Every link either end of which is one of ``customer_ids``, oldest first."""
    return list(session.scalars(select(Relation).where(or_(Relation.customer_id.in_(customer_ids),
                                                           Relation.related_id.in_(customer_ids)))
                                .order_by(Relation.created_at, Relation.id)))


def linked_to(session: Session, customer_id: uuid.UUID) -> set[uuid.UUID]:
    """The customers linked to ``customer_id``, from either end."""
    rows = session.execute(select(Relation.customer_id, Relation.related_id).where(
        or_(Relation.customer_id == customer_id, Relation.related_id == customer_id))).all()
    return {other for pair in rows for other in pair} - {customer_id}
