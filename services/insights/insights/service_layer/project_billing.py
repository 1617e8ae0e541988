"""Invoices, payments, balances and statements into the read model (events of the billing service).

An invoice's open amount is worked out when read (total less the payments and credits applied to it,
plus refunds taken back off it), so payments, credits, refunds and invoice events may arrive in any order.
"""
from __future__ import annotations

import uuid

from fieldwork_contracts.billing import (BalanceChanged, CreditApplied, InvoiceCreated, InvoicePaid, InvoiceSent,
                                         InvoiceVoided, PaymentRecorded, PaymentRecordedV2, RefundIssued,
                                         StatementRequested)
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import (BalanceFact, InvoiceAdjustment, InvoiceFact, PaymentAllocation, PaymentFact,
                                   StatementFact)
from insights.adapters.rows import insert_once, locked
from insights.domain.ordering import earliest, is_newer
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects


def _invoice(session: Session, event: Event, invoice_id: uuid.UUID, customer_id: uuid.UUID, **values) -> InvoiceFact:
    customer_row(session, event.account_id, customer_id)
    defaults = {"account_id": event.account_id, "id": invoice_id, "customer_id": customer_id, "issue_date": None,
                "due_date": None, "sent_at": None, "paid_at": None, "voided_at": None}
    return locked(session, InvoiceFact, {**defaults, **values})


@projects("invoice.created")
def _invoice_created(session: Session, event: Event, created: InvoiceCreated) -> None:
    invoice = created.invoice
    sent_at = event.occurred_at if invoice.status != "draft" else None
    row = _invoice(session, event, invoice.id, invoice.customer_id, number=invoice.number,
                   issue_date=invoice.issue_date, due_date=invoice.due_date, total_cents=invoice.total_cents,
                   currency=invoice.currency, sent_at=sent_at)
    row.issue_date = invoice.issue_date
    row.due_date = row.due_date or invoice.due_date  # invoice.sent, if already here, is newer
    row.sent_at = earliest(row.sent_at, sent_at)


@projects("invoice.sent")
def _invoice_sent(session: Session, event: Event, sent: InvoiceSent) -> None:
    row = _invoice(session, event, sent.invoice_id, sent.customer_id, number=sent.number, due_date=sent.due_date,
                   total_cents=sent.total_cents, currency=sent.currency, sent_at=sent.sent_at)
    if is_newer(sent.sent_at, row.sent_at):  # a resend carries the terms as they are now
        row.due_date, row.total_cents = sent.due_date, sent.total_cents
    row.sent_at = earliest(row.sent_at, sent.sent_at)


@projects("invoice.paid", "invoice.voided")
def _invoice_closed(session: Session, event: Event, closed: InvoicePaid | InvoiceVoided) -> None:
    field = "paid_at" if event.type == "invoice.paid" else "voided_at"
    moment = getattr(closed, field)
    row = _invoice(session, event, closed.invoice_id, closed.customer_id, number=closed.number,
                   total_cents=closed.total_cents, currency=closed.currency, **{field: moment})
    setattr(row, field, earliest(getattr(row, field), moment))


@projects("payment.recorded", versions=(1, 2))
def _payment_recorded(session: Session, event: Event, payment: PaymentRecorded | PaymentRecordedV2) -> None:
    customer_row(session, event.account_id, payment.customer_id)
    insert_once(session, PaymentFact, {
        "account_id": event.account_id, "id": payment.payment_id, "customer_id": payment.customer_id,
        "amount_cents": payment.amount_cents, "currency": payment.currency, "method": payment.method,
        "received_at": payment.received_at})
    for allocation in payment.allocations:
        insert_once(session, PaymentAllocation, {
            "account_id": event.account_id, "payment_id": payment.payment_id, "invoice_id": allocation.invoice_id,
            "amount_cents": allocation.amount_cents})


@projects("credit.applied")
def _credit_applied(session: Session, event: Event, applied: CreditApplied) -> None:
    customer_row(session, event.account_id, applied.customer_id)
    for index, allocation in enumerate(applied.allocations):
        # one event may apply the same source twice over time: each application is its own row, keyed by the event
        insert_once(session, InvoiceAdjustment, {
            "account_id": event.account_id, "id": uuid.uuid5(event.id, str(index)),
            "invoice_id": applied.invoice_id, "amount_cents": allocation.amount_cents})


@projects("refund.issued")
def _refund_issued(session: Session, event: Event, refund: RefundIssued) -> None:
    customer_row(session, event.account_id, refund.customer_id)
    if refund.invoice_id is not None:  # money back off an invoice: it owes that again
        insert_once(session, InvoiceAdjustment, {
            "account_id": event.account_id, "id": refund.refund_id, "invoice_id": refund.invoice_id,
            "amount_cents": -refund.amount_cents})


_FIGURES = ("currency", "total_billed_cents", "total_paid_cents", "balance_cents", "overdue_cents",
            "lifetime_value_cents", "credit_cents", "open_invoice_count")


@projects("balance.changed")
def _balance_changed(session: Session, event: Event, balance: BalanceChanged) -> None:
    customer_row(session, event.account_id, balance.customer_id)
    figures = {key: getattr(balance, key) for key in _FIGURES}
    row = locked(session, BalanceFact, {"account_id": event.account_id, "customer_id": balance.customer_id,
                                        "as_of": balance.as_of, **figures})
    if is_newer(balance.as_of, row.as_of):
        row.as_of = balance.as_of
        for key, value in figures.items():
            setattr(row, key, value)


@projects("statement.requested")
def _statement_requested(session: Session, event: Event, requested: StatementRequested) -> None:
    customer_row(session, event.account_id, requested.customer_id)
    insert_once(session, StatementFact, {"account_id": event.account_id, "id": requested.statement_id,
                                         "customer_id": requested.customer_id, "requested_at": event.occurred_at})
