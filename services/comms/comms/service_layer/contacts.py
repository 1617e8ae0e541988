"""comms' copy of customers' phones and emails, kept from customer snapshots, and matching against it."""
from __future__ import annotations

import uuid

from fieldwork_contracts.defs import CustomerSnapshot
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from comms.adapters.orm import ContactPoint, ContactSource
from comms.domain.contact_points import normalise_email, normalise_phone

PHONE, EMAIL = "phone", "email"


def apply_snapshot(session: Session, account_id: uuid.UUID, snapshot: CustomerSnapshot, revision: int,
                   region: str = "US") -> bool:
    """Replaces the customer's contact points with the snapshot's; False when we hold a newer one already."""
    customer_id, merged_into = snapshot.id, snapshot.merged_into
    stmt = insert(ContactSource).values(customer_id=customer_id, account_id=account_id, revision=revision,
                                        merged_into=merged_into)
    # Events may arrive out of order: only a higher revision replaces what we hold (the row lock
    # taken here also orders two snapshots of one customer applied at the same time).
    applied = session.execute(stmt.on_conflict_do_update(
        index_elements=[ContactSource.customer_id],
        set_={"revision": stmt.excluded.revision, "merged_into": stmt.excluded.merged_into},
        where=(ContactSource.revision < stmt.excluded.revision) & (ContactSource.account_id == account_id),
    ).returning(ContactSource.customer_id)).first()
    if applied is None:
        return False
    session.execute(delete(ContactPoint).where(ContactPoint.customer_id == customer_id))
    points = _points(snapshot, region)
    if points:
        session.execute(insert(ContactPoint), [
            {"customer_id": customer_id, "account_id": account_id, "kind": kind, "value": value, "position": i}
            for i, (kind, value) in enumerate(points)])
    return True


def _points(snapshot: CustomerSnapshot, region: str) -> list[tuple[str, str]]:
    found: dict[tuple[str, str], None] = {}  # ordered and without repeats: the first of each kind is primary
    for raw in snapshot.phones or []:
        if phone := normalise_phone(raw, region):
            found[(PHONE, phone)] = None
    for raw in snapshot.emails or []:
        if email := normalise_email(raw):
            found[(EMAIL, email)] = None
    return list(found)


def match(session: Session, kind: str, value: str | None) -> uuid.UUID | None:
    """The one customer owning this phone or email; None when nobody or more than one customer does.

    A merged duplicate's points count for the customer it was merged into.
    """
    if not value:
        return None
    rows = session.execute(
        select(ContactPoint.customer_id, ContactSource.merged_into)
        .join(ContactSource, ContactSource.customer_id == ContactPoint.customer_id)
        .where(ContactPoint.kind == kind, ContactPoint.value == value)).all()
    owners = {merged_into or customer_id for customer_id, merged_into in rows}
    return owners.pop() if len(owners) == 1 else None


def on_file(session: Session, kind: str, value: str) -> bool:
    """Whether any customer has this phone or email on file."""
    return session.scalars(select(ContactPoint.customer_id)
                           .where(ContactPoint.kind == kind, ContactPoint.value == value).limit(1)).first() is not None


def primary(session: Session, customer_id: uuid.UUID, kind: str) -> str | None:
    """The customer's first phone or email, where a send goes when the user names no address."""
    return session.scalars(select(ContactPoint.value)
                           .where(ContactPoint.customer_id == customer_id, ContactPoint.kind == kind)
                           .order_by(ContactPoint.position).limit(1)).first()

