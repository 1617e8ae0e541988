"""Billing's share of the customer workspace, answered in one unit of work for the gateway's one call."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from billing.adapters import queries
from billing.service_layer.books import customer_summary
from billing.service_layer.customers import visible_customer


def workspace_part(session: Session, customer_id: uuid.UUID, *, limit: int, activity_limit: int,
                   today: dt.date) -> dict:
    """Each section exactly as its own endpoint answers it, after one customer check.

    Five queries (four when the customer has no invoice) instead of eight over three requests: the
    customer is checked once, and the summary row comes with its overdue figures in one statement.
    """
    visible_customer(session, customer_id)
    return {
        "invoices": queries.invoice_page(session, customer_id, status=None, today=today, limit=limit,
                                         cursor=None).as_dict(),
        "summary": customer_summary(session, customer_id, today),
        "activity": queries.activity_page(session, customer_id, limit=activity_limit, cursor=None).as_dict(),
    }
