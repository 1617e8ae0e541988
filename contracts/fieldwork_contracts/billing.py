"""The events the billing service publishes (``x-producer: billing``)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar, Literal

from fieldwork_contracts.defs import InvoiceStatus
from fieldwork_contracts.wire import UNSET, EventData, Shape, shape


@shape
class InvoiceShape(Shape):
    id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    job_id: uuid.UUID | None
    status: InvoiceStatus
    issue_date: dt.date
    due_date: dt.date
    total_cents: int
    balance_cents: int
    currency: str


@shape
class InvoiceCreated(EventData):
    TYPE: ClassVar[str] = "invoice.created"
    VERSION: ClassVar[int] = 1
    invoice: InvoiceShape


@shape
class InvoiceSent(EventData):
    TYPE: ClassVar[str] = "invoice.sent"
    VERSION: ClassVar[int] = 1
    invoice_id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    sent_at: dt.datetime
    due_date: dt.date
    total_cents: int
    balance_cents: int
    currency: str
    bill_to_customer_id: uuid.UUID | None = UNSET  # optional: who the invoice is mailed to, when not the customer


@shape
class InvoicePaid(EventData):
    TYPE: ClassVar[str] = "invoice.paid"
    VERSION: ClassVar[int] = 1
    invoice_id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    paid_at: dt.datetime
    total_cents: int
    currency: str


@shape
class InvoiceVoided(EventData):
    TYPE: ClassVar[str] = "invoice.voided"
    VERSION: ClassVar[int] = 1
    invoice_id: uuid.UUID
    number: str
    customer_id: uuid.UUID
    voided_at: dt.datetime
    total_cents: int
    currency: str


@shape
class PaymentAllocation(Shape):
    invoice_id: uuid.UUID
    amount_cents: int


@shape
class PaymentRecorded(EventData):
    """A payment was received; the allocations plus ``credit_cents`` add up to ``amount_cents``."""

    TYPE: ClassVar[str] = "payment.recorded"
    VERSION: ClassVar[int] = 1
    payment_id: uuid.UUID
    customer_id: uuid.UUID
    amount_cents: int
    currency: str
    method: Literal["card", "cash", "check", "ach"]
    received_at: dt.datetime
    allocations: list[PaymentAllocation]
    credit_cents: int



@shape
class PaymentRecordedV2(PaymentRecorded):
    """v2 adds the method "imported": money paid in the system a past invoice was imported from, how it was paid
    there not being known. Billing publishes v1 beside it, for payments v1 can describe."""

    VERSION: ClassVar[int] = 2
    method: Literal["card", "cash", "check", "ach", "imported"]

@shape
class CreditAllocation(Shape):
    source: Literal["payment", "credit_note"]
    source_id: uuid.UUID
    amount_cents: int


@shape
class CreditApplied(EventData):
    TYPE: ClassVar[str] = "credit.applied"
    VERSION: ClassVar[int] = 1
    invoice_id: uuid.UUID
    customer_id: uuid.UUID
    currency: str
    applied_at: dt.datetime
    allocations: list[CreditAllocation]


@shape
class RefundIssued(EventData):
    TYPE: ClassVar[str] = "refund.issued"
    VERSION: ClassVar[int] = 1
    refund_id: uuid.UUID
    payment_id: uuid.UUID
    customer_id: uuid.UUID
    invoice_id: uuid.UUID | None
    amount_cents: int
    currency: str
    destination: Literal["customer", "account_credit"]
    refunded_at: dt.datetime


@shape
class BalanceChanged(EventData):
    """The customer's billing figures after any invoice or payment change, in one currency."""

    TYPE: ClassVar[str] = "balance.changed"
    VERSION: ClassVar[int] = 1
    customer_id: uuid.UUID
    currency: str
    total_billed_cents: int
    total_paid_cents: int
    balance_cents: int
    overdue_cents: int
    oldest_overdue_due_date: dt.date | None
    lifetime_value_cents: int
    lifetime_revenue_cents: int = UNSET  # optional: producers before it was added leave it out
    open_invoice_count: int
    credit_cents: int
    as_of: dt.datetime


@shape
class StatementRequested(EventData):
    TYPE: ClassVar[str] = "statement.requested"
    VERSION: ClassVar[int] = 1
    statement_id: uuid.UUID
    customer_id: uuid.UUID
    requested_by: uuid.UUID
    requested_by_name: str = UNSET
    email: str | None
    as_of: dt.date


@shape
class PricingTableRequested(EventData):
    TYPE: ClassVar[str] = "pricing_table.requested"
    VERSION: ClassVar[int] = 1
    request_id: uuid.UUID
    customer_id: uuid.UUID
    requested_by: uuid.UUID
    requested_by_name: str
    email: str | None
