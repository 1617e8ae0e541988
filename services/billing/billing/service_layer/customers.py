"""Which customers billing may write for (the chassis directory) and may show (404 otherwise); ``customers`` is the
customers service's API, asked about an id not heard of by event yet."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis import customer_directory as directory
from chassis.customer_directory import KnownCustomer, require_customer
from chassis.references import CallersApi


def writable_customer(session: Session, customer_id: uuid.UUID, customers: CallersApi) -> KnownCustomer:
    """A live customer of the caller's account, or 422 on ``customer_id``."""
    return require_customer(session, customer_id, customers)


def writable_path_customer(session: Session, customer_id: uuid.UUID, customers: CallersApi) -> KnownCustomer:
    """The customer a write's path names: 404 for one this account does not have (as a read would answer), 422 for
    one that may not be written for (merged, archived)."""
    visible_customer(session, customer_id, customers)
    return writable_customer(session, customer_id, customers)


def visible_customer(session: Session, customer_id: uuid.UUID, customers: CallersApi) -> KnownCustomer:
    """Reads answer 404 for a customer this account does not have (merged and archived ones still show)."""
    return directory.visible_customer(session, customer_id, customers)
