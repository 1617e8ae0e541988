"""The one rule billing adds to the chassis directory's customer checks: a write whose path names the customer."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.customer_directory import KnownCustomer, require_customer, visible_customer
from chassis.references import CallersApi


def visible_then_writable_customer(session: Session, customer_id: uuid.UUID,
                                   customers: CallersApi) -> KnownCustomer:
    """The customer a write's path names: 404 for one this account does not have (as a read of that path answers),
    then 422 for one that may not be written for (merged, archived). ``customers``: the customers service's API,
    asked about an id not heard of by event yet."""
    visible_customer(session, customer_id, customers)
    return require_customer(session, customer_id, customers)
