"""The read model's tables: one row per fact an event told us about, keyed by (account, entity id).

Entity rows are keyed by their own id, never by the customer, so a late event updates only the
entity it is about; each status keeps the time it was true as of, so an older event cannot
overwrite a newer one.
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (BigInteger, Date, DateTime, Identity, Integer, LargeBinary, SmallInteger, String, Text, Uuid,
                        func)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chassis.db import Tenanted

Moment = DateTime(timezone=True)


class Base(DeclarativeBase):
    pass


class AccountOwned(Tenanted):
    """Entity ids are unique only together with the account, so one account's events never touch another's rows."""

    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)


class CustomerFact(AccountOwned, Base):
    __tablename__ = "customer_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str | None] = mapped_column(String(20))
    display_name: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(20))
    lead_source: Mapped[str | None] = mapped_column(String(100))
    do_not_service: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str | None] = mapped_column(String(20))
    status_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    archived: Mapped[bool] = mapped_column(default=False)
    archived_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    created_at: Mapped[dt.datetime | None] = mapped_column(Moment)


class MergeFact(AccountOwned, Base):
    """A merge stays active until its undo is heard of, whichever of the two arrives first."""

    __tablename__ = "merge_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # merge_id
    duplicate_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    target_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    undone: Mapped[bool] = mapped_column(default=False)
    merged_at: Mapped[dt.datetime] = mapped_column(Moment)


class JobFact(AccountOwned, Base):
    __tablename__ = "job_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    service_type: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    status_at: Mapped[dt.datetime] = mapped_column(Moment)
    scheduled_start: Mapped[dt.datetime | None] = mapped_column(Moment)
    completed_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    total_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    plan_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)


class ReviewFact(AccountOwned, Base):
    """A customer's rating of a completed job (review.received): once per job, never changed."""

    __tablename__ = "review_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    job_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    job_number: Mapped[str] = mapped_column(String(20))
    rating: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(Moment)


class EstimateFact(AccountOwned, Base):
    __tablename__ = "estimate_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    status_at: Mapped[dt.datetime] = mapped_column(Moment)
    sent_at: Mapped[dt.datetime | None] = mapped_column(Moment)  # when it first went to the customer
    created_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    total_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))


class PlanFact(AccountOwned, Base):
    __tablename__ = "plan_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    status_at: Mapped[dt.datetime] = mapped_column(Moment)
    next_visit_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    price_per_visit_cents: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))


class InvoiceFact(AccountOwned, Base):
    """Paid and void are facts with their own times; the open balance is the total less allocated payments and
    credits, plus refunds taken back off it (``invoice_adjustments``)."""

    __tablename__ = "invoice_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    number: Mapped[str] = mapped_column(String(20))
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)  # unknown while only its payment was heard of
    total_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    sent_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    paid_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    voided_at: Mapped[dt.datetime | None] = mapped_column(Moment)


class PaymentFact(AccountOwned, Base):
    __tablename__ = "payment_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[str] = mapped_column(String(10))
    received_at: Mapped[dt.datetime] = mapped_column(Moment)


class PaymentAllocation(AccountOwned, Base):
    __tablename__ = "payment_allocations"
    payment_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class InvoiceAdjustment(AccountOwned, Base):
    """Money applied to an invoice other than a payment (credit, positive) or taken back off it (a refund, negative)."""

    __tablename__ = "invoice_adjustments"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    invoice_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class BalanceFact(AccountOwned, Base):
    """Billing's own figures for the customer, the latest ``as_of`` wins."""

    __tablename__ = "balance_facts"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    total_billed_cents: Mapped[int] = mapped_column(BigInteger)
    total_paid_cents: Mapped[int] = mapped_column(BigInteger)
    balance_cents: Mapped[int] = mapped_column(BigInteger)
    overdue_cents: Mapped[int] = mapped_column(BigInteger)
    lifetime_value_cents: Mapped[int] = mapped_column(BigInteger)
    credit_cents: Mapped[int] = mapped_column(BigInteger)
    open_invoice_count: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[dt.datetime] = mapped_column(Moment)


class CommunicationFact(AccountOwned, Base):
    __tablename__ = "communication_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    channel: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[dt.datetime] = mapped_column(Moment)
    subject: Mapped[str | None] = mapped_column(Text)
    reported_at: Mapped[dt.datetime] = mapped_column(Moment)  # the event's time: a later report wins


class StatementFact(AccountOwned, Base):
    __tablename__ = "statement_facts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    requested_at: Mapped[dt.datetime] = mapped_column(Moment)


class EventLogEntry(Base):
    """Every event the model was built from, so the model can be dropped and rebuilt by replaying them."""

    __tablename__ = "event_log"
    position: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    event_type: Mapped[str] = mapped_column(String(80))
    envelope: Mapped[dict] = mapped_column(JSONB)
    logged_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())


class ThresholdSetting(AccountOwned, Base):
    __tablename__ = "threshold_settings"
    values: Mapped[dict] = mapped_column(JSONB)
    updated_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now(), onupdate=func.now())


class OpenAISetting(AccountOwned, Base):
    __tablename__ = "openai_settings"
    encrypted_key: Mapped[bytes] = mapped_column(LargeBinary)
    key_last4: Mapped[str] = mapped_column(String(4))
    model: Mapped[str] = mapped_column(String(100))
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(Moment)


class AIAnswer(AccountOwned, Base):
    """The last good answer per customer, valid while the facts sent (their hash) stay the same."""

    __tablename__ = "ai_answers"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    input_hash: Mapped[str] = mapped_column(String(64))
    answer: Mapped[dict] = mapped_column(JSONB)
    created_at: Mapped[dt.datetime] = mapped_column(Moment)


class FactGeneration(AccountOwned, Base):
    """How many times a customer's facts were dropped: every event raises it for each customer it may change.

    Apart from the snapshots so that storing one writes nothing the part store watches, while a drop (which
    names every customer a duplicate is merged into) makes their stored insights stale too.
    """

    __tablename__ = "fact_generations"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    generation: Mapped[int] = mapped_column(BigInteger)


class FactSnapshot(AccountOwned, Base):
    """A customer's facts as last loaded, served until an event drops them or time makes them stale.

    ``generation`` is the customer's ``FactGeneration`` read before the facts were loaded: the snapshot is
    served only while that is still the current one, so facts loaded before a drop committed are never
    served after it. ``shape`` names the encoding, so facts stored by an older release read as a miss.
    """

    __tablename__ = "fact_snapshots"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    generation: Mapped[int] = mapped_column(BigInteger)
    shape: Mapped[str | None] = mapped_column(String(32))
    facts: Mapped[dict | None] = mapped_column(JSONB)
    computed_at: Mapped[dt.datetime | None] = mapped_column(Moment)  # the facts hold from here ...
    valid_until: Mapped[dt.datetime | None] = mapped_column(Moment)  # ... to just before this


# What a rebuild drops and refills from the event log (settings and the log itself stay; fact snapshots are
# dropped by the rebuild itself, raising their generations).
MODEL_TABLES = (CustomerFact, MergeFact, JobFact, EstimateFact, PlanFact, InvoiceFact, PaymentFact,
                PaymentAllocation, InvoiceAdjustment, BalanceFact, CommunicationFact, StatementFact, AIAnswer)
