"""history.imported: a past system's invoice kept as one of ours, marked imported and never mailed.

It takes the id the import gives it (derived from the row's key in the other system), so a redelivery or a second
import of the same file finds it and creates nothing twice. It goes the way a native invoice does — drafted,
issued, paid or voided — dated the day it was issued, so the balance, lifetime revenue, the ledger, statements and
the events billing publishes read as if it had been made here then. It is never sent: ``invoice.sent`` is what has
it mailed, and the customer had it long ago.
"""
from __future__ import annotations

import datetime as dt
import logging
import uuid
from decimal import Decimal

from fieldwork_contracts.customers import HistoryImported
from sqlalchemy.orm import Session

from billing.adapters.orm import Invoice
from billing.domain import invoice as rules
from billing.domain.money import LineInput
from billing.domain.payment import IMPORTED
from billing.service_layer import publishing
from billing.service_layer.books import Books
from billing.service_layer.invoices import draft_invoice, issue, issued_at, void
from billing.service_layer.commands import CreateInvoice, PaymentAllocation, RecordPayment
from billing.service_layer.payments import take_payment
from billing.service_layer.references import JOBS
from chassis.customer_directory import properties_of, surviving
from chassis.messaging import emit

log = logging.getLogger(__name__)


def import_invoice(session: Session, row: HistoryImported, *, now: dt.datetime) -> Invoice | None:
    """Keeps the row's past invoice, kept at ``now``; None when it has none or it is already here."""
    past = row.invoice
    if past is None:
        return None
    invoice_id = past.id
    if session.get(Invoice, invoice_id) is not None:
        return None
    # A customer merged away since the row was sent: the invoice goes where the merge moved the rest of its billing.
    customer_id = surviving(session, row.customer_id)
    books = Books(session, now=now)
    books.open(customer_id, past.currency)
    # The lock on the customer's books is held now: a twin event that got here first has committed its invoice.
    if session.get(Invoice, invoice_id) is not None:
        return None
    issue_date = past.issued_on
    job_id = _job_of(session, row, customer_id)
    invoice = draft_invoice(session, books, CreateInvoice(
        customer_id=customer_id, currency=past.currency, issue_date=issue_date,
        due_date=_due_date(issue_date, past.due_on), job_id=job_id,
        property_id=_property_of(session, row, job_id, customer_id),
        lines=[LineInput(past.description, Decimal(1), past.total_cents, Decimal(0))],
    ), id=invoice_id, imported_from=row.source, source_number=past.source_number)
    _settle_as_it_was(session, books, invoice, row, at=issued_at(issue_date))
    books.close()
    return invoice


def _settle_as_it_was(session: Session, books: Books, invoice: Invoice, row: HistoryImported, *,
                      at: dt.datetime) -> None:
    """Brings the draft to the state the other system left it in, as of the day it was issued."""
    past = row.invoice
    if past.voided:
        # Voided as a draft: it never counts as billed, and the ledger has nothing of it to take back.
        void(session, books, invoice, at=at)
        emit(session, publishing.invoice_created(invoice))
        if past.paid_cents:
            log.info("money paid on a voided imported invoice is not kept", extra={"invoice_id": str(invoice.id)})
        return
    issue(books, invoice, at=at)
    emit(session, publishing.invoice_created(invoice))  # issued: consumers count it as sent
    if invoice.status == rules.PAID:  # a total of 0
        emit(session, publishing.invoice_paid(invoice))
    paid = min(past.paid_cents, invoice.total_cents)  # the contract says never more; more would be credit
    if paid > 0:
        take_payment(session, books, RecordPayment(
            customer_id=invoice.customer_id, amount_cents=paid, currency=invoice.currency, method=IMPORTED,
            reference=_reference(row), received_at=at, allocations=[PaymentAllocation(invoice.id, paid)]),
            settled_at=at)


def _due_date(issue_date: dt.date, due_on: dt.date | None) -> dt.date:
    """Due as the other system said, else on the day it was issued; never before it (our invoices never are)."""
    return max(issue_date, due_on) if due_on else issue_date


def _job_of(session: Session, row: HistoryImported, customer_id: uuid.UUID) -> uuid.UUID | None:
    """The job the invoice names when it is this customer's: the same row's (the jobs service keeps it from this very
    event) or one billing has heard of. Anything else is dropped, never a reason to refuse the row."""
    job_id = row.invoice.job_id
    if job_id is None:
        return None
    if row.job is not None and row.job.id == job_id:
        return job_id
    known = JOBS.lookup(session, job_id)
    if known is not None and JOBS.is_customers(session, known.customer_id, customer_id):
        return job_id
    log.info("an imported invoice's unknown job is dropped", extra={"job_id": str(job_id)})
    return None


def _property_of(session: Session, row: HistoryImported, job_id: uuid.UUID | None,
                 customer_id: uuid.UUID) -> uuid.UUID | None:
    """Where the invoice's job was done, when it is the same row's job and a property the customer is known to have
    (their snapshot may not be here yet: then none, as for a property of someone else's)."""
    job = row.job
    if job is None or job_id is None or job.id != job_id or job.property_id is None:
        return None
    property_id = job.property_id
    return property_id if any(p.id == property_id for p in properties_of(session, customer_id)) else None


def _reference(row: HistoryImported) -> str:
    """What the payment says it was: the other system and its invoice number ("Jobber INV-883")."""
    number = row.invoice.source_number
    return (f"{row.source} {number}" if number else row.source)[:100]
