"""Money in and out: payments (split over invoices, the rest kept as credit), credit notes and refunds."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from billing.adapters.orm import Allocation, CreditNote, Invoice, Payment, Refund
from billing.domain import invoice as rules
from billing.domain import summary
from billing.domain.payment import IMPORTED, METHODS
from billing.service_layer import publishing
from billing.service_layer.books import Books
from billing.service_layer.commands import IssueCreditNote, RecordPayment, RefundPayment
from billing.service_layer.invoices import allocate, contribution, money_of, settle
from chassis.db import next_number
from chassis.errors import Conflict, field_error
from chassis.references import no_such, not_this_customers
from chassis.messaging import emit

TO_CUSTOMER, TO_CREDIT = "customer", "account_credit"


def _locked_invoices(session: Session, customer_id: uuid.UUID, invoice_ids: list[uuid.UUID]) -> dict:
    """The invoices, locked in id order (after the summary row), all the customer's or a 422."""
    rows = session.scalars(select(Invoice).where(Invoice.id.in_(invoice_ids)).order_by(Invoice.id)
                           .with_for_update()).all()
    found = {invoice.id: invoice for invoice in rows}
    for index, invoice_id in enumerate(invoice_ids):
        invoice = found.get(invoice_id)
        if invoice is None or invoice.payer != customer_id:
            raise field_error("allocations", f"Item {index}: no such invoice for this customer.")
    return found


def _named_invoice(session: Session, customer_id: uuid.UUID, invoice_id: uuid.UUID, *, field: str) -> Invoice:
    """The one invoice a body names on ``field``, locked (after the summary row); else 422 on that field."""
    invoice = session.scalars(select(Invoice).where(Invoice.id == invoice_id).with_for_update()).first()
    if invoice is None:
        raise no_such(field, "invoice")
    if invoice.payer != customer_id:
        raise not_this_customers(field, "invoice")
    return invoice


def _oldest_open(session: Session, customer_id: uuid.UUID, amount: int) -> list[tuple[uuid.UUID, int]]:
    """Without explicit allocations, a payment settles the oldest open invoices first."""
    plan, left = [], amount
    rows = session.execute(select(Invoice.id, Invoice.balance_cents).where(
        Invoice.payer_id == customer_id, Invoice.status.in_(rules.OPEN_STATUSES), Invoice.balance_cents > 0)
        .order_by(Invoice.due_date, Invoice.id))
    for invoice_id, balance in rows:
        if left == 0:
            break
        take = min(balance, left)
        plan.append((invoice_id, take))
        left -= take
    return plan


def record_payment(session: Session, command: RecordPayment, *, now: dt.datetime) -> Payment:
    """``now``: when a payment that does not say when it was received was received."""
    if command.received_at is None:
        command = replace(command, received_at=now)
    books = Books(session, now=now)
    payment = take_payment(session, books, command)
    books.close()
    return payment


def take_payment(session: Session, books: Books, command: RecordPayment, *,
                 settled_at: dt.datetime | None = None) -> Payment:
    """Records the payment and applies it as the command says (else oldest open invoices first), in ``books`` (the
    caller closes them). ``settled_at``: when an invoice it pays in full counts as paid, for past history; else
    ``books.now``."""
    customer_id, amount = command.customer_id, command.amount_cents
    books.open(customer_id, command.currency)
    if command.allocations is None:
        plan = _oldest_open(session, customer_id, amount)
    else:
        plan = [(item.invoice_id, item.amount_cents) for item in command.allocations]
        if len({invoice_id for invoice_id, _ in plan}) != len(plan):
            raise field_error("allocations", "Each invoice may appear once.")
        if sum(part for _, part in plan) > amount:
            raise field_error("allocations", "The allocations add up to more than the payment.")
    invoices = _locked_invoices(session, customer_id, sorted(invoice_id for invoice_id, _ in plan))
    payment = Payment(customer_id=customer_id, amount_cents=amount, currency=command.currency, method=command.method,
                      reference=command.reference, received_at=command.received_at, allocated_cents=0,
                      refunded_cents=0, created_at=books.now)
    session.add(payment)
    session.flush()
    books.change(customer_id, summary.of_payment(amount, 0, 0))
    for invoice_id, part in plan:
        invoice = invoices[invoice_id]
        rules.require_open(money_of(invoice), "a payment")
        if invoice.currency != payment.currency:
            raise field_error("currency", f"Invoice {invoice.number} is in {invoice.currency}.")
        if part > invoice.balance_cents:
            raise Conflict(f"Invoice {invoice.number} owes {invoice.balance_cents}; {part} would over-apply it.")
        allocate(session, books, invoice, payment, part, applied_at=payment.received_at, settled_at=settled_at)
    books.post(customer_id, kind="payment", record_id=payment.id, occurred_at=payment.received_at,
               description=_ledger_line(payment), credit_cents=amount)
    recorded = publishing.payment_recorded(payment, plan, payment.unallocated_cents)
    emit(session, recorded)
    if payment.method in METHODS:  # v1, for consumers not yet on v2, cannot say "imported"
        emit(session, publishing.as_v1(recorded))
    return payment


def _ledger_line(payment: Payment) -> str:
    said = "Payment imported" if payment.method == IMPORTED else f"Payment by {payment.method}"
    return said + (f" ({payment.reference})" if payment.reference else "")


def issue_credit_note(session: Session, command: IssueCreditNote, *, now: dt.datetime) -> CreditNote:
    customer_id = command.customer_id
    books = Books(session, now=now)
    books.open(customer_id, command.currency)
    invoice = None
    if command.invoice_id:
        invoice = _named_invoice(session, customer_id, command.invoice_id, field="invoice_id")
        rules.require_open(money_of(invoice), "a credit note")
        if command.amount_cents > invoice.balance_cents:
            raise field_error("amount_cents", f"Invoice {invoice.number} owes only {invoice.balance_cents}.")
    note = CreditNote(number=next_number(session, "credit_note", prefix="CN-"), customer_id=customer_id,
                      amount_cents=command.amount_cents, currency=command.currency, reason=command.reason,
                      allocated_cents=0, created_at=now)
    session.add(note)
    session.flush()
    books.change(customer_id, summary.of_credit_note(note.amount_cents, 0))
    if invoice is not None:
        allocate(session, books, invoice, note, note.amount_cents, applied_at=note.created_at)
        emit(session, publishing.credit_applied(invoice, [("credit_note", note.id, note.amount_cents)],
                                                note.created_at))
    books.post(customer_id, kind="credit", record_id=note.id, description=f"Credit note {note.number}: {note.reason}",
               credit_cents=note.amount_cents)
    books.close()
    return note


def refund(session: Session, command: RefundPayment, *, now: dt.datetime) -> Refund:
    """Gives payment money back to the customer, or moves it off an invoice onto account credit.

    From an invoice (``invoice_id``): that invoice owes the amount again. Without one: it comes out
    of the payment's unapplied part (the customer's credit).
    """
    payment = session.get(Payment, command.payment_id)
    if payment is None:
        raise field_error("payment_id", "No such payment.")
    books = Books(session, now=now)
    books.open(payment.customer_id)
    session.refresh(payment, with_for_update=True)
    amount, destination, invoice_id = command.amount_cents, command.destination, command.invoice_id
    payment_before = summary.of_payment(payment.amount_cents, payment.allocated_cents, payment.refunded_cents)
    if invoice_id is None:
        if destination == TO_CREDIT:
            raise field_error("invoice_id", "Moving money to account credit needs the invoice it comes off.")
        if amount > payment.unallocated_cents:
            raise field_error("amount_cents", f"Only {payment.unallocated_cents} of this payment is unapplied.")
    else:
        _take_back(session, books, payment, invoice_id, amount)
    if destination == TO_CUSTOMER:
        payment.refunded_cents += amount
    books.change(payment.customer_id, summary.of_payment(payment.amount_cents, payment.allocated_cents,
                                                         payment.refunded_cents) - payment_before)
    record = Refund(customer_id=payment.customer_id, payment_id=payment.id, invoice_id=invoice_id, amount_cents=amount,
                    currency=payment.currency, destination=destination, reason=command.reason, created_at=now)
    session.add(record)
    session.flush()
    emit(session, publishing.refund_issued(record))
    if destination == TO_CUSTOMER:
        books.post(payment.customer_id, kind="refund", record_id=record.id, debit_cents=amount,
                   description="Refund to customer")
    else:
        books.post(payment.customer_id, kind="refund", record_id=record.id,
                   description=f"{amount} moved from an invoice to account credit")
    books.close()
    return record


def _take_back(session: Session, books: Books, payment: Payment, invoice_id: uuid.UUID, amount: int) -> None:
    invoice = session.get(Invoice, invoice_id, with_for_update=True)
    applied = session.scalars(select(Allocation).where(Allocation.invoice_id == invoice_id,
                                                       Allocation.payment_id == payment.id,
                                                       Allocation.amount_cents > 0).with_for_update()).all()
    if invoice is None or not applied:
        raise field_error("invoice_id", "This payment is not applied to that invoice.")
    if amount > sum(a.amount_cents for a in applied):
        raise field_error("amount_cents", f"Only {sum(a.amount_cents for a in applied)} of it is on that invoice.")
    before = contribution(invoice)
    left = amount
    for allocation in applied:
        take = min(left, allocation.amount_cents)
        allocation.amount_cents -= take
        left -= take
    invoice.paid_cents -= amount
    invoice.balance_cents = invoice.total_cents - invoice.paid_cents - invoice.credited_cents
    payment.allocated_cents -= amount
    if invoice.status != rules.VOID:
        settle(session, invoice, at=books.now)
    books.change(invoice.payer, contribution(invoice) - before)
