"""Finding the caller's customer (404 for any other account's) before a use case touches it, or to show it."""
from __future__ import annotations

import uuid
from types import SimpleNamespace

from sqlalchemy.orm import Session

from chassis.db import found
from chassis.errors import Conflict, NotFound
from customers.adapters import queries
from customers.adapters.orm import Customer


def get_customer(session: Session, customer_id: uuid.UUID) -> Customer:
    return found(session, Customer, customer_id, "customer")


def customer_for_change(session: Session, customer_id: uuid.UUID) -> Customer:
    """The customer, locked for this transaction; a merged one only forwards and takes no changes."""
    customer = found(session, Customer, customer_id, "customer", with_for_update=True, populate_existing=True)
    if customer.merged_into is not None:
        raise Conflict(f"This customer was merged into {customer.merged_into}; change that customer instead.",
                       details={"merged_into": str(customer.merged_into)})
    return customer


def profile(session: Session, customer_id: uuid.UUID) -> tuple[SimpleNamespace, list[SimpleNamespace]]:
    """The customer as its profile shows it and its newest pinned notes, in one statement that is also the
    visibility check (NotFound); a merged customer's too, which names the one it was merged into."""
    read = queries.load_profile(session, customer_id)
    if read is None:
        raise NotFound("No such customer.")
    return read
