"""Every change of a customer's snapshot bumps its revision and publishes `customer.updated` with the whole snapshot."""
from __future__ import annotations

import contextlib
import re

from sqlalchemy.orm import Session

from chassis.db.part_store import mark_stale
from chassis.messaging import emit
from customers.adapters.relations import linked_to
from customers.domain.snapshot import changed_fields, customer_snapshot

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def fresh_snapshot(session: Session, customer) -> dict:
    """The snapshot as the database now holds it (rows may have moved by statements, not by the ORM)."""
    session.flush()
    session.expire(customer, ["contacts", "properties"])
    return customer_snapshot(customer)


def publish_update(session: Session, customer, before: dict) -> list[str]:
    after = fresh_snapshot(session, customer)
    changed = changed_fields(before, after)
    if changed:
        customer.revision += 1
        emit(session, "customer.updated", {"customer": after, "revision": customer.revision, "changed": changed})
        # The related customers' workspaces show this one's name and state: they are stale too.
        mark_stale(session, linked_to(session, customer.id))
    return changed


@contextlib.contextmanager
def customer_change(session: Session, customer):
    """``with customer_change(session, customer): ...`` publishes what the block changed, if anything."""
    before = customer_snapshot(customer)
    yield
    publish_update(session, customer, before)


def user_id_or_none(sub: str | None) -> str | None:
    """Events name users by id; a token subject that is not a UUID (a dev login) is left out."""
    return sub if sub and _UUID.match(sub) else None
