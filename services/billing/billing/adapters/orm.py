"""Billing's tables as ORM classes; every one is account-owned (Tenanted)."""
from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import BigInteger, Computed, Date, DateTime, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from billing.domain.invoice import effective_status
from chassis.db import Tenanted
from chassis.messaging.event import utcnow


class Base(DeclarativeBase):
    pass


class CustomerSummary(Tenanted, Base):
    """One row per customer, changed in the transaction of every money change; its lock serialises them."""

    __tablename__ = "customer_summaries"
    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    total_billed_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    total_paid_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    balance_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    credit_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    lifetime_value_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    open_invoice_count: Mapped[int] = mapped_column(Integer, default=0)
    lifetime_revenue_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    ledger_position: Mapped[int] = mapped_column(BigInteger, default=0)
    # A stamp of the row's last write, not a business time (ledger lines and events carry those): every money
    # change writes the row, and a bulk load (bench/billing.py) may add one without saying when.
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Invoice(Tenanted, Base):
    __tablename__ = "invoices"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID]
    # Another customer who pays it (a bill-to parent, revision 0008): the money is in their books, the work stays
    # in the service customer's history.
    bill_to_customer_id: Mapped[uuid.UUID | None]
    payer_id: Mapped[uuid.UUID] = mapped_column(Computed("coalesce(bill_to_customer_id, customer_id)", persisted=True))
    job_id: Mapped[uuid.UUID | None]
    property_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(10))
    issue_date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_cents: Mapped[int] = mapped_column(BigInteger)
    tax_cents: Mapped[int] = mapped_column(BigInteger)
    total_cents: Mapped[int] = mapped_column(BigInteger)
    paid_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    credited_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    balance_cents: Mapped[int] = mapped_column(BigInteger)
    notes: Mapped[str | None] = mapped_column(Text)
    # A past invoice imported from another system (revision 0010): that system's name and its number there.
    imported_from: Mapped[str | None] = mapped_column(String(60))
    source_number: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    viewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    paid_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Not mapped: the day whose status is shown (``overdue`` depends on it), set by whoever hands the invoice out.
    shown_on = None

    @property
    def payer(self) -> uuid.UUID:
        """Whose books hold the invoice's money (read before the stored column is fetched back)."""
        return self.bill_to_customer_id or self.customer_id

    @property
    def shown_status(self) -> str:
        return effective_status(self.status, self.due_date, self.balance_cents, self.shown_on)

    lines: Mapped[list["InvoiceLine"]] = relationship(order_by="InvoiceLine.position", lazy="selectin",
                                                      cascade="all, delete-orphan")


class InvoiceLine(Tenanted, Base):
    __tablename__ = "invoice_lines"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    unit_price_cents: Mapped[int] = mapped_column(BigInteger)
    tax_rate: Mapped[Decimal] = mapped_column(Numeric(6, 3))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    tax_cents: Mapped[int] = mapped_column(BigInteger)


class Payment(Tenanted, Base):
    __tablename__ = "payments"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[str] = mapped_column(String(10))
    reference: Mapped[str | None] = mapped_column(String(100))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    allocated_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    refunded_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    @property
    def unallocated_cents(self) -> int:
        return self.amount_cents - self.allocated_cents - self.refunded_cents


class CreditNote(Tenanted, Base):
    __tablename__ = "credit_notes"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID]
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(500))
    allocated_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    @property
    def unallocated_cents(self) -> int:
        return self.amount_cents - self.allocated_cents


class Allocation(Tenanted, Base):
    """Part of a payment or credit note applied to an invoice; refunds and voids take it back."""

    __tablename__ = "allocations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    invoice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invoices.id"))
    payment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payments.id"))
    credit_note_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("credit_notes.id"))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))  # when it counts as on the invoice
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Refund(Tenanted, Base):
    __tablename__ = "refunds"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payments.id"))
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    destination: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class LedgerEntry(Tenanted, Base):
    """One line of billing history; ``position`` counts per customer, so the newest is the highest."""

    __tablename__ = "ledger_entries"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    position: Mapped[int] = mapped_column(BigInteger)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(10))
    record_id: Mapped[uuid.UUID]
    description: Mapped[str] = mapped_column(String(300))
    debit_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    credit_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    running_balance_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))


class CardOnFile(Tenanted, Base):
    __tablename__ = "cards_on_file"
    customer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    processor_token: Mapped[str] = mapped_column(String(200))
    brand: Mapped[str] = mapped_column(String(20))
    last4: Mapped[str] = mapped_column(String(4))
    exp_month: Mapped[int] = mapped_column(Integer)
    exp_year: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class StatementRequest(Tenanted, Base):
    __tablename__ = "statement_requests"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    as_of: Mapped[dt.date] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(254))
    requested_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class PriceBookItem(Tenanted, Base):
    """A service the account sells, at its standard price and, where they differ, per kind of property."""

    __tablename__ = "price_book_items"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3))
    unit_price_cents: Mapped[int] = mapped_column(BigInteger)
    kind_prices: Mapped[dict] = mapped_column(JSONB, default=dict)  # {"commercial": 18900}
    tax_rate: Mapped[Decimal] = mapped_column(Numeric(6, 3), default=Decimal(0))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class PricingTableRequest(Tenanted, Base):
    """Who asked for a customer's pricing table to be emailed, and where to (null: the customer's primary email)."""

    __tablename__ = "pricing_table_requests"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID]
    email: Mapped[str | None] = mapped_column(String(254))
    requested_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
