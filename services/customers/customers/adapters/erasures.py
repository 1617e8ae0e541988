"""Reads of the audit trail of erasures (revision 0010): who erased which customer and when."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.pagination import Page, keyset_page
from customers.adapters.orm import Erasure


def erasure_of(session: Session, customer_id: uuid.UUID) -> Erasure | None:
    return session.scalar(select(Erasure).where(Erasure.customer_id == customer_id))


def erasures_page(session: Session, *, limit: int, cursor: str | None) -> Page:
    """The account's erasures, newest first."""
    return keyset_page(session, select(Erasure), [Erasure.erased_at, Erasure.id], limit=limit, cursor=cursor,
                       key=lambda e: (e.erased_at, e.id), descending=True)
