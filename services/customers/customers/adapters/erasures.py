"""The erasure of a customer as the erasure use case reads it (revision 0010), to answer a repeated request."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from customers.adapters.orm import Erasure


def erasure_of(session: Session, customer_id: uuid.UUID) -> Erasure | None:
    return session.scalar(select(Erasure).where(Erasure.customer_id == customer_id))
