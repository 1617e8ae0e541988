"""What every service forgets of an erased customer (``customer.erased``), whatever its own records are.

Its kept copy of the customer takes the pseudonym and the kept properties go; the workspace parts it stored for
the customer go (they are the bytes that went out, names and all); and the events it already sent that name the
customer leave its outbox, whose sent rows are history only. A service's own records are its own handler's work
(``<service>.service_layer.erasure``), registered beside this one.
"""
from __future__ import annotations

import uuid

from fieldwork_contracts.customers import CustomerErased
from sqlalchemy import Text, cast, delete, func, or_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.db.schema import known_customers, known_properties, outbox, stored_parts
from chassis.messaging import Event, Handlers

handlers = Handlers()


def forget_sent_events(session: Session, account_id: uuid.UUID, ids: list[uuid.UUID]) -> int:
    """Deletes the sent outbox rows that name any of ``ids``; unsent ones still have to reach their consumers."""
    mentions = [cast(outbox.c.envelope, Text).contains(str(i)) for i in ids]
    result = session.execute(delete(outbox).where(outbox.c.account_id == account_id, outbox.c.sent_at.is_not(None),
                                                  or_(*mentions)))
    return result.rowcount


def forget_stored_parts(session: Session, account_id: uuid.UUID, ids: list[uuid.UUID]) -> None:
    session.execute(delete(stored_parts).where(stored_parts.c.account_id == account_id,
                                               stored_parts.c.customer_id.in_(ids)))


def forget_customer(session: Session, account_id: uuid.UUID, erased: CustomerErased) -> None:
    """The kept copy shows the pseudonym, at the erasure's revision so that no older snapshot arriving late
    brings the name back; the kept properties (addresses) go."""
    stmt = insert(known_customers).values(id=erased.customer_id, account_id=account_id, number=erased.number,
                                          display_name=erased.pseudonym, archived=True, revision=erased.revision)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[known_customers.c.id],
        set_={"display_name": erased.pseudonym, "archived": True, "updated_at": func.now(),
              "revision": func.greatest(known_customers.c.revision, erased.revision)},
        where=known_customers.c.account_id == account_id))
    if erased.merged_ids:
        session.execute(update(known_customers).where(known_customers.c.account_id == account_id,
                                                      known_customers.c.id.in_(erased.merged_ids))
                        .values(display_name=erased.pseudonym, updated_at=func.now()))
    session.execute(delete(known_properties).where(known_properties.c.account_id == account_id,
                                                   known_properties.c.customer_id.in_(erased.ids)))
    forget_stored_parts(session, account_id, erased.ids)
    forget_sent_events(session, account_id, erased.ids)


@handlers.on("customer.erased")
def _on_erased(session: Session, event: Event) -> None:
    forget_customer(session, event.account_id, CustomerErased.from_data(event.data))
