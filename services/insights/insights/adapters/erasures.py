"""The customers an erasure named (revision 0006): kept apart from the read model, which a rebuild drops."""
from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import String, Uuid, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from insights.adapters.orm import AccountOwned, Base


class ErasedCustomer(AccountOwned, Base):
    __tablename__ = "erased_customers"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    erased_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    number: Mapped[str] = mapped_column(String(20))
    pseudonym: Mapped[str] = mapped_column(String(200))


def erased_among(session: Session, ids: Collection[uuid.UUID]) -> list[ErasedCustomer]:
    if not ids:
        return []
    return list(session.scalars(select(ErasedCustomer).where(ErasedCustomer.customer_id.in_(list(ids)))))
