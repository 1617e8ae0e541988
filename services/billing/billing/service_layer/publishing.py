"""The typed event of everything billing publishes, built in this one place (fieldwork_contracts.billing)."""
from __future__ import annotations

import dataclasses
import uuid

from fieldwork_contracts.billing import (BalanceChanged, CreditAllocation, CreditApplied, InvoiceCreated, InvoicePaid,
                                         InvoiceSent, InvoiceShape, InvoiceVoided, PaymentAllocation, PaymentRecorded,
                                         PaymentRecordedV2, PricingTableRequested, RefundIssued, StatementRequested)

from billing.adapters.orm import Invoice, Payment, PricingTableRequest, Refund, StatementRequest


def invoice_created(invoice: Invoice) -> InvoiceCreated:
    return InvoiceCreated(invoice=InvoiceShape(
        id=invoice.id, number=invoice.number, customer_id=invoice.customer_id, job_id=invoice.job_id,
        status=invoice.status, issue_date=invoice.issue_date, due_date=invoice.due_date,
        total_cents=invoice.total_cents, balance_cents=invoice.balance_cents, currency=invoice.currency))


def invoice_sent(invoice: Invoice) -> InvoiceSent:
    return InvoiceSent(invoice_id=invoice.id, number=invoice.number, customer_id=invoice.customer_id,
                       bill_to_customer_id=invoice.bill_to_customer_id, sent_at=invoice.sent_at,
                       due_date=invoice.due_date, total_cents=invoice.total_cents,
                       balance_cents=invoice.balance_cents, currency=invoice.currency)


def invoice_paid(invoice: Invoice) -> InvoicePaid:
    return InvoicePaid(invoice_id=invoice.id, number=invoice.number, customer_id=invoice.customer_id,
                       paid_at=invoice.paid_at, total_cents=invoice.total_cents, currency=invoice.currency)


def invoice_voided(invoice: Invoice) -> InvoiceVoided:
    return InvoiceVoided(invoice_id=invoice.id, number=invoice.number, customer_id=invoice.customer_id,
                         voided_at=invoice.voided_at, total_cents=invoice.total_cents, currency=invoice.currency)


def payment_recorded(payment: Payment, allocations: list[tuple], credit_cents: int) -> PaymentRecordedV2:
    return PaymentRecordedV2(
        payment_id=payment.id, customer_id=payment.customer_id, amount_cents=payment.amount_cents,
        currency=payment.currency, method=payment.method, received_at=payment.received_at,
        allocations=[PaymentAllocation(invoice_id=invoice_id, amount_cents=amount)
                     for invoice_id, amount in allocations],
        credit_cents=credit_cents)


def as_v1(recorded: PaymentRecordedV2) -> PaymentRecorded:
    """The same payment for consumers still on v1 (only for a method v1 knows: never "imported")."""
    return PaymentRecorded(**{field.name: getattr(recorded, field.name) for field in dataclasses.fields(recorded)})


def credit_applied(invoice: Invoice, allocations: list[tuple[str, object, int]], applied_at) -> CreditApplied:
    """``allocations``: (source kind ``payment`` or ``credit_note``, its id, cents) applied to ``invoice``."""
    return CreditApplied(invoice_id=invoice.id, customer_id=invoice.customer_id, currency=invoice.currency,
                         applied_at=applied_at,
                         allocations=[CreditAllocation(source=kind, source_id=source_id, amount_cents=amount)
                                      for kind, source_id, amount in allocations])


def refund_issued(refund: Refund) -> RefundIssued:
    return RefundIssued(refund_id=refund.id, payment_id=refund.payment_id, customer_id=refund.customer_id,
                        invoice_id=refund.invoice_id, amount_cents=refund.amount_cents, currency=refund.currency,
                        destination=refund.destination, refunded_at=refund.created_at)


def balance_changed(summary: dict) -> BalanceChanged:
    """``summary``: the customer's figures as ``books.summary_document`` tells them (the event's very fields)."""
    return BalanceChanged(**summary)


def statement_requested(request: StatementRequest, requested_by: uuid.UUID) -> StatementRequested:
    return StatementRequested(statement_id=request.id, customer_id=request.customer_id, requested_by=requested_by,
                              requested_by_name=request.requested_by, email=request.email, as_of=request.as_of)


def pricing_table_requested(request: PricingTableRequest, requested_by: uuid.UUID) -> PricingTableRequested:
    return PricingTableRequested(request_id=request.id, customer_id=request.customer_id, requested_by=requested_by,
                                 requested_by_name=request.requested_by, email=request.email)

