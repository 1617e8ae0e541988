"""The audit trail of erasures (revision 0010): who erased which customer and when, and the pseudonym it left."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from chassis.db import Tenanted
from chassis.pagination import Page, keyset_page
from customers.adapters.orm import Base


class Erasure(Tenanted, Base):
    __tablename__ = "erasures"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    customer_number: Mapped[str] = mapped_column(String(20))
    pseudonym: Mapped[str] = mapped_column(String(200))
    erased_by: Mapped[str] = mapped_column(String(200))
    erased_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def erasure_of(session: Session, customer_id: uuid.UUID) -> Erasure | None:
    return session.scalar(select(Erasure).where(Erasure.customer_id == customer_id))


def erasures_page(session: Session, *, limit: int, cursor: str | None) -> Page:
    """The account's erasures, newest first."""
    return keyset_page(session, select(Erasure), [Erasure.erased_at, Erasure.id], limit=limit, cursor=cursor,
                       key=lambda e: (e.erased_at, e.id), descending=True)
