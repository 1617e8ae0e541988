"""Invoice use cases: create, send, viewed, void, apply account credit."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from billing.adapters.orm import Allocation, CreditNote, Invoice, InvoiceLine, Payment
from billing.adapters.queries import day_of, shown
from billing.domain import invoice as rules
from billing.domain import summary
from billing.domain.money import price_line, total_of
from billing.service_layer import publishing
from billing.service_layer.books import Books
from billing.service_layer.commands import ApplyCredit, CreateInvoice, ReviseDraft
from chassis.commands import UNSET
from chassis.db import found, next_number
from chassis.errors import Conflict, field_error
from chassis.messaging import emit


def money_of(invoice: Invoice) -> rules.InvoiceMoney:
    return rules.InvoiceMoney(invoice.status, invoice.total_cents, invoice.paid_cents, invoice.credited_cents,
                              invoice.due_date, viewed=invoice.viewed_at is not None)


def contribution(invoice: Invoice) -> summary.Totals:
    return summary.of_invoice(invoice.status, invoice.total_cents, invoice.paid_cents, invoice.credited_cents)


def issued_at(issue_date: dt.date) -> dt.datetime:
    """The ledger dates an invoice by the day it was issued, not by when it was typed in or sent."""
    return dt.datetime.combine(issue_date, dt.time(), tzinfo=dt.timezone.utc)


def get_locked(books: Books, invoice_id: uuid.UUID) -> Invoice:
    """The invoice with its customer's books locked first, then the invoice row (always in that order)."""
    invoice = found(books.session, Invoice, invoice_id, "invoice")
    books.open(invoice.payer)  # lock order: summary, then invoice; avoids deadlocks
    books.session.refresh(invoice, with_for_update=True)
    return invoice


def _line_rows(lines: list) -> list[InvoiceLine]:
    return [InvoiceLine(position=i, description=l.description, quantity=l.quantity, unit_price_cents=l.unit_price_cents,
                        tax_rate=l.tax_rate, amount_cents=l.amount_cents, tax_cents=l.tax_cents)
            for i, l in enumerate(lines, start=1)]


def create_invoice(session: Session, command: CreateInvoice, *, now: dt.datetime) -> Invoice:
    invoice = draft_invoice(session, Books(session, now=now), command)
    emit(session, publishing.invoice_created(invoice))
    return shown(invoice, now)


def draft_invoice(session: Session, books: Books, command: CreateInvoice, **marks) -> Invoice:
    """A new draft with one of our numbers, in the payer's currency, made at ``books.now`` (issued that day unless
    the command says otherwise); ``marks``: its ``id`` or import marks."""
    books.open(command.bill_to_customer_id or command.customer_id, command.currency)
    lines = [price_line(line) for line in command.lines]
    totals = total_of(lines)
    issue_date = command.issue_date or day_of(books.now)
    if command.due_date is not None and command.due_date < issue_date:
        raise field_error("due_date", "The due date cannot be before the issue date.")
    invoice = Invoice(
        **marks, number=next_number(session, "invoice", prefix="INV-"), customer_id=command.customer_id,
        bill_to_customer_id=command.bill_to_customer_id, job_id=command.job_id, property_id=command.property_id,
        status=rules.DRAFT, issue_date=issue_date, created_at=books.now,
        due_date=command.due_date or issue_date + dt.timedelta(days=command.terms_days),
        currency=command.currency, subtotal_cents=totals.subtotal_cents, tax_cents=totals.tax_cents,
        total_cents=totals.total_cents, paid_cents=0, credited_cents=0, balance_cents=totals.total_cents,
        notes=command.notes, lines=_line_rows(lines))
    session.add(invoice)
    session.flush()
    return invoice


def revise_draft(session: Session, invoice_id: uuid.UUID, command: ReviseDraft, *, now: dt.datetime) -> Invoice:
    """A draft's lines, dates and notes may change; nothing is billed yet, so the books are untouched."""
    invoice = get_locked(Books(session, now=now), invoice_id)
    rules.require_editable(money_of(invoice))
    if command.lines is not UNSET:
        lines = [price_line(line) for line in command.lines]
        totals = total_of(lines)
        invoice.lines = _line_rows(lines)
        invoice.subtotal_cents, invoice.tax_cents = totals.subtotal_cents, totals.tax_cents
        invoice.total_cents = invoice.balance_cents = totals.total_cents
    for name in ("issue_date", "due_date", "notes", "job_id", "property_id"):
        if getattr(command, name) is not UNSET:
            setattr(invoice, name, getattr(command, name))
    if invoice.due_date < invoice.issue_date:
        raise field_error("due_date", "The due date cannot be before the issue date.")
    session.flush()
    return shown(invoice, now)


def send_invoice(session: Session, invoice_id: uuid.UUID, *, now: dt.datetime) -> Invoice:
    books = Books(session, now=now)
    invoice = get_locked(books, invoice_id)
    issue(books, invoice, at=now)
    emit(session, publishing.invoice_sent(invoice))
    if invoice.status == rules.PAID:
        emit(session, publishing.invoice_paid(invoice))
    books.close()
    return shown(invoice, now)


def issue(books: Books, invoice: Invoice, *, at: dt.datetime) -> None:
    """The draft counts as billed from ``at``: its state, the payer's figures and the ledger's charge. Telling anyone
    (``invoice.sent``, which mails it) is the caller's choice: an imported invoice is never mailed."""
    before = contribution(invoice)
    invoice.status = rules.send(money_of(invoice))
    invoice.sent_at = at
    if invoice.status == rules.PAID:  # nothing to pay
        invoice.paid_at = at
    books.change(invoice.payer, contribution(invoice) - before)
    books.post(invoice.payer, kind="invoice", record_id=invoice.id, description=f"Invoice {invoice.number}",
               debit_cents=invoice.total_cents, occurred_at=issued_at(invoice.issue_date))


def mark_viewed(session: Session, invoice_id: uuid.UUID, *, now: dt.datetime) -> Invoice:
    invoice = get_locked(Books(session, now=now), invoice_id)
    invoice.status = rules.mark_viewed(money_of(invoice))
    invoice.viewed_at = invoice.viewed_at or now
    return shown(invoice, now)


def void_invoice(session: Session, invoice_id: uuid.UUID, *, now: dt.datetime) -> Invoice:
    books = Books(session, now=now)
    invoice = get_locked(books, invoice_id)
    void(session, books, invoice, at=now)
    books.close()
    return shown(invoice, now)


def void(session: Session, books: Books, invoice: Invoice, *, at: dt.datetime) -> None:
    """Voids the (locked) invoice as of ``at``: statements as of an earlier day still show it owed."""
    was_issued = invoice.status in rules.ISSUED_STATUSES
    before = contribution(invoice)
    status = rules.void(money_of(invoice))
    _release_credit_notes(session, books, invoice)
    invoice.status, invoice.voided_at = status, at
    invoice.balance_cents = money_of(invoice).balance_cents  # in the same flush as the status: void owes nothing
    books.change(invoice.payer, contribution(invoice) - before)
    if was_issued:
        books.post(invoice.payer, kind="void", record_id=invoice.id, occurred_at=at,
                   description=f"Invoice {invoice.number} voided", credit_cents=invoice.total_cents)
    emit(session, publishing.invoice_voided(invoice))


def _release_credit_notes(session: Session, books: Books, invoice: Invoice) -> None:
    """Credit notes applied to a voided invoice go back to the customer's credit."""
    allocations = session.scalars(select(Allocation).where(Allocation.invoice_id == invoice.id,
                                                           Allocation.credit_note_id.is_not(None),
                                                           Allocation.amount_cents > 0)).all()
    for allocation in allocations:
        note = session.get(CreditNote, allocation.credit_note_id, with_for_update=True)
        before = summary.of_credit_note(note.amount_cents, note.allocated_cents)
        note.allocated_cents -= allocation.amount_cents
        books.change(note.customer_id, summary.of_credit_note(note.amount_cents, note.allocated_cents) - before)
        allocation.amount_cents = 0
    invoice.credited_cents = 0
    invoice.balance_cents = invoice.total_cents - invoice.paid_cents


def allocate(session: Session, books: Books, invoice: Invoice, source: Payment | CreditNote, amount: int, *,
             applied_at: dt.datetime, settled_at: dt.datetime | None = None) -> None:
    """Applies ``amount`` of ``source`` to ``invoice`` (both locked) and books both sides' contributions.

    ``applied_at`` is when the money counts as on the invoice (a statement as of a date reads it): a payment's
    receipt for the split it was recorded with, the moment of applying for credit used later. ``settled_at``: when
    an invoice this pays in full counts as paid (``books.now``, unless the payment is past history being imported)."""
    is_payment = isinstance(source, Payment)
    before_invoice = contribution(invoice)
    before_source = _source_contribution(source)
    if is_payment:
        invoice.paid_cents += amount
    else:
        invoice.credited_cents += amount
    invoice.balance_cents = invoice.total_cents - invoice.paid_cents - invoice.credited_cents
    source.allocated_cents += amount
    session.add(Allocation(invoice_id=invoice.id, payment_id=source.id if is_payment else None,
                           credit_note_id=None if is_payment else source.id, amount_cents=amount,
                           applied_at=applied_at, created_at=books.now))
    settle(session, invoice, at=settled_at or books.now)
    books.change(invoice.payer, contribution(invoice) - before_invoice)
    books.change(source.customer_id, _source_contribution(source) - before_source)


def settle(session: Session, invoice: Invoice, *, at: dt.datetime) -> None:
    """Status follows the money; reaching zero (at ``at``) announces ``invoice.paid``."""
    was_paid = invoice.status == rules.PAID
    invoice.status = rules.settled_status(money_of(invoice))
    if invoice.status == rules.PAID and not was_paid:
        invoice.paid_at = at
        emit(session, publishing.invoice_paid(invoice))
    elif invoice.status != rules.PAID:
        invoice.paid_at = None


def source_kind(source: Payment | CreditNote) -> str:
    return "payment" if isinstance(source, Payment) else "credit_note"


def _source_contribution(source: Payment | CreditNote) -> summary.Totals:
    if isinstance(source, Payment):
        return summary.of_payment(source.amount_cents, source.allocated_cents, source.refunded_cents)
    return summary.of_credit_note(source.amount_cents, source.allocated_cents)


def apply_credit(session: Session, invoice_id: uuid.UUID, command: ApplyCredit, *, now: dt.datetime) -> Invoice:
    """Uses the customer's unapplied payments and credit notes (oldest first) on this invoice."""
    amount_cents = command.amount_cents
    books = Books(session, now=now)
    invoice = get_locked(books, invoice_id)
    rules.require_open(money_of(invoice), "credit")
    wanted = min(amount_cents or invoice.balance_cents, invoice.balance_cents)
    sources = credit_sources(session, invoice.payer)
    available = sum(source.unallocated_cents for source in sources)
    if available == 0:
        raise Conflict("This customer has no credit to apply.")
    if amount_cents is not None and amount_cents > min(available, invoice.balance_cents):
        raise field_error("amount_cents", f"At most {min(available, invoice.balance_cents)} can be applied.")
    applied = []
    for source in sources:
        if wanted == 0:
            break
        take = min(wanted, source.unallocated_cents)
        allocate(session, books, invoice, source, take, applied_at=now)
        applied.append((source_kind(source), source.id, take))
        wanted -= take
    emit(session, publishing.credit_applied(invoice, applied, now))
    books.close()
    return shown(invoice, now)


def credit_sources(session: Session, customer_id: uuid.UUID) -> list[Payment | CreditNote]:
    payments = session.scalars(select(Payment).where(
        Payment.customer_id == customer_id,
        Payment.amount_cents > Payment.allocated_cents + Payment.refunded_cents)
        .order_by(Payment.received_at, Payment.id).with_for_update()).all()
    notes = session.scalars(select(CreditNote).where(
        CreditNote.customer_id == customer_id, CreditNote.amount_cents > CreditNote.allocated_cents)
        .order_by(CreditNote.created_at, CreditNote.id).with_for_update()).all()
    return [*payments, *notes]
