"""What the routes and the history import ask the service layer to do, as plain values: no request, no HTTP body."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from chassis.commands import UNSET

from billing.domain.money import LineInput


@dataclass(frozen=True)
class CreateInvoice:
    """A new draft. Due on ``due_date``, else ``terms_days`` after the issue date (today when none is given); billed
    to ``bill_to_customer_id`` when given, else to the customer it is for."""

    customer_id: uuid.UUID
    currency: str
    lines: list[LineInput]
    bill_to_customer_id: uuid.UUID | None = None
    job_id: uuid.UUID | None = None
    property_id: uuid.UUID | None = None
    issue_date: dt.date | None = None
    due_date: dt.date | None = None
    terms_days: int = 30
    notes: str | None = None


@dataclass(frozen=True)
class PaymentAllocation:
    invoice_id: uuid.UUID
    amount_cents: int


@dataclass(frozen=True)
class RecordPayment:
    """Money received (``received_at`` None: now); ``allocations`` None: applied to the oldest open invoices first, the
    rest kept as credit."""

    customer_id: uuid.UUID
    amount_cents: int
    currency: str
    method: str
    received_at: dt.datetime | None = None
    reference: str | None = None
    allocations: list[PaymentAllocation] | None = None


@dataclass(frozen=True)
class IssueCreditNote:
    customer_id: uuid.UUID
    amount_cents: int
    currency: str
    reason: str
    invoice_id: uuid.UUID | None = None


@dataclass(frozen=True)
class RefundPayment:
    """Payment money given back to the customer (``destination`` "customer") or moved off ``invoice_id`` onto the
    customer's credit ("account_credit")."""

    payment_id: uuid.UUID
    amount_cents: int
    destination: str = "customer"
    invoice_id: uuid.UUID | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ReviseDraft:
    """A draft's changed parts; a field left ``UNSET`` was not sent and stays as it is (None clears it)."""

    job_id: uuid.UUID | None = UNSET
    property_id: uuid.UUID | None = UNSET
    issue_date: dt.date = UNSET
    due_date: dt.date = UNSET
    notes: str | None = UNSET
    lines: list[LineInput] = UNSET


@dataclass(frozen=True)
class AddPriceBookItem:
    """A price book item: its standard price, and ``kind_prices`` where a kind of property is priced otherwise."""

    name: str
    currency: str
    unit_price_cents: int
    description: str | None = None
    kind_prices: dict[str, int] = field(default_factory=dict)
    tax_rate: Decimal = Decimal(0)


@dataclass(frozen=True)
class ChangePriceBookItem:
    name: str = UNSET
    description: str | None = UNSET
    unit_price_cents: int = UNSET
    kind_prices: dict[str, int] = UNSET
    tax_rate: Decimal = UNSET


@dataclass(frozen=True)
class KeepCard:
    """A customer's card on file as the processor tokenised it (replacing any kept): never a number or a code."""

    processor_token: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int


@dataclass(frozen=True)
class RequestStatement:
    """Comms is asked to email a customer's statement as it stood at the end of ``as_of`` (None: today); to
    ``email``, else to the customer's primary email."""

    as_of: dt.date | None = None
    email: str | None = None


@dataclass(frozen=True)
class RequestPricingTable:
    """Comms is asked to email a customer's pricing table; to ``email``, else to the customer's primary email."""

    email: str | None = None


@dataclass(frozen=True)
class ApplyCredit:
    """The customer's unapplied money put on an invoice: ``amount_cents``, or None for as much as both allow."""

    amount_cents: int | None = None
