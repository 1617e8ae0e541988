"""Every change of a customer's snapshot bumps its revision and publishes `customer.updated` with the whole snapshot."""
from __future__ import annotations

import contextlib

from fieldwork_contracts.defs import CustomerSnapshot
from sqlalchemy.orm import Session

from chassis.db.part_store import mark_stale
from chassis.messaging import emit
from customers.adapters.relations import linked_to
from customers.domain.snapshot import customer_snapshot
from customers.service_layer import publishing


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
        emit(session, publishing.customer_updated(after, customer.revision, changed))
        # The related customers' workspaces show this one's name and state: they are stale too.
        mark_stale(session, linked_to(session, customer.id))
    return changed


@contextlib.contextmanager
def customer_change(session: Session, customer):
    """``with customer_change(session, customer): ...`` publishes what the block changed, if anything."""
    before = customer_snapshot(customer)
    yield
    publish_update(session, customer, before)
