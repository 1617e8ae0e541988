"""Every change of a customer's snapshot bumps its revision and publishes `customer.updated` with the whole snapshot."""
from __future__ import annotations

import contextlib
import uuid

from fieldwork_contracts.customers import CustomerUpdated
from fieldwork_contracts.defs import CustomerSnapshot
from sqlalchemy.orm import Session

from chassis.db.part_store import mark_stale
from chassis.messaging import emit
from customers.adapters.relations import linked_to
from customers.domain.snapshot import customer_snapshot


def fresh_snapshot(session: Session, customer) -> CustomerSnapshot:
    """The snapshot as the database now holds it (rows may have moved by statements, not by the ORM)."""
    session.flush()
    session.expire(customer, ["contacts", "properties"])
    return customer_snapshot(customer)


def publish_update(session: Session, customer, before: CustomerSnapshot) -> list[str]:
    after = fresh_snapshot(session, customer)
    changed = after.changed_fields(before)
    if changed:
        customer.revision += 1
        emit(session, CustomerUpdated(customer=after, revision=customer.revision, changed=changed))
        # The related customers' workspaces show this one's name and state: they are stale too.
        mark_stale(session, linked_to(session, customer.id))
    return changed


@contextlib.contextmanager
def customer_change(session: Session, customer):
    """``with customer_change(session, customer): ...`` publishes what the block changed, if anything."""
    before = customer_snapshot(customer)
    yield
    publish_update(session, customer, before)


def user_id_or_none(sub: str | None) -> uuid.UUID | None:
    """Events name users by id; a token subject that is not a UUID in canonical form (a dev login) is left out."""
    try:
        user_id = uuid.UUID(sub or "")
    except ValueError:
        return None
    return user_id if str(user_id) == sub else None
