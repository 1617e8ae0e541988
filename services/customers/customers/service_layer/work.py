"""What other services tell us happened: contact made (last contacted) and work done (automatic status)."""
from __future__ import annotations

import datetime as dt
import logging
import uuid

from sqlalchemy.orm import Session

from customers.adapters.orm import Customer
from customers.domain import lifecycle
from customers.service_layer.customers import apply_status_change

log = logging.getLogger(__name__)

# A contact that never reached anyone (queued, failed, bounced) is not "contacted".
CONTACT_STATUSES = ("sent", "delivered", "received", "completed", "missed", "voicemail")


def _live_customer(session: Session, customer_id: uuid.UUID) -> Customer | None:
    """The customer, followed through a merge; None for an id this account does not have."""
    customer = session.get(Customer, customer_id, with_for_update=True)
    if customer is not None and customer.merged_into is not None:
        customer = session.get(Customer, customer.merged_into, with_for_update=True)
    if customer is None:
        log.warning("event names an unknown customer", extra={"customer_id": str(customer_id)})
    return customer


def record_contact(session: Session, customer_id: uuid.UUID, *, at: dt.datetime, status: str) -> None:
    if status not in CONTACT_STATUSES:
        return
    customer = _live_customer(session, customer_id)
    if customer is not None and (customer.last_contacted_at is None or at > customer.last_contacted_at):
        customer.last_contacted_at = at


def record_work(session: Session, customer_id: uuid.UUID, *, target: str, work_at: dt.datetime, cause: str,
                now: dt.datetime) -> None:
    customer = _live_customer(session, customer_id)
    if customer is None:
        return
    change = lifecycle.automatic_change(customer.status, target, work_at=work_at,
                                        set_by_hand_at=customer.status_set_by_hand_at, cause=cause, now=now)
    if change is not None:
        apply_status_change(session, customer, change)
