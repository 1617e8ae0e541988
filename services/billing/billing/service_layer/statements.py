"""AR statements: render one now, or ask comms to email it (``statement.requested``)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from billing.adapters import pdf
from billing.adapters.orm import CustomerSummary, StatementRequest
from billing.adapters.queries import credit_on, day_of, open_items
from billing.service_layer import publishing
from billing.service_layer.books import DEFAULT_CURRENCY
from billing.service_layer.commands import RequestStatement
from chassis.auth.tokens import user_id_of
from chassis.customer_directory import lookup
from chassis.messaging import emit


def customer_name(session: Session, customer_id: uuid.UUID) -> str:
    known = lookup(session, customer_id)
    return known.display_name if known else str(customer_id)


def render_statement(session: Session, customer_id: uuid.UUID, as_of: dt.date) -> bytes:
    """The statement as it stood at the end of ``as_of``: what was owed then and the account credit then."""
    summary = session.get(CustomerSummary, customer_id)
    return pdf.statement_pdf(customer_name(session, customer_id), open_items(session, customer_id, as_of), as_of,
                             summary.currency if summary else DEFAULT_CURRENCY, credit_on(session, customer_id, as_of))


def request_statement(session: Session, customer_id: uuid.UUID, command: RequestStatement, *, now: dt.datetime,
                      subject: str, by: str) -> StatementRequest:
    """``subject`` is the token subject (the event's user id); ``by`` is how they are shown. Without a day, the
    statement is as of the day of ``now``."""
    request = StatementRequest(customer_id=customer_id, as_of=command.as_of or day_of(now), email=command.email,
                               requested_by=by, created_at=now)
    session.add(request)
    session.flush()
    emit(session, publishing.statement_requested(request, user_id_of(subject)))
    return request
