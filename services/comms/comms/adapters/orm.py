"""The comms database: communications and their notes, SMS threads, pending deliveries, the contact-point copy."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, Uuid, func, select, text
from sqlalchemy.dialects.postgresql import JSONB, aggregate_order_by
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column

from chassis.db import Tenanted


class Base(DeclarativeBase):
    pass


class Communication(Tenanted, Base):
    """One call, text or email; ``customer_id`` is null while it sits in the unmatched inbox."""

    __tablename__ = "communications"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    channel: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    handled_by_kind: Mapped[str] = mapped_column(String(10))
    handled_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    handled_by_name: Mapped[str | None] = mapped_column(String(200))
    from_address: Mapped[str | None] = mapped_column(String(320))
    to_address: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    recording_url: Mapped[str | None] = mapped_column(Text)
    transcript: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))
    failure_reason: Mapped[str | None] = mapped_column(Text)
    thread_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # The provider's id of an inbound message or call: a webhook the provider retries is stored once.
    provider_ref: Mapped[str | None] = mapped_column(String(100))
    # What asked for an outbound message ("portal_invite:<id>"): an event sent twice queues one email.
    source_ref: Mapped[str | None] = mapped_column(String(120))
    # A send's tries so far and when the next one is due (null once it went or gave up), kept beside the
    # message so every list that shows it shows them without a join.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("communications_feed", "account_id", "customer_id", "occurred_at", "id"),
        Index("communications_feed_channel", "account_id", "customer_id", "channel", "occurred_at", "id"),
        Index("communications_unmatched", "account_id", "occurred_at", "id",
              postgresql_where=text("customer_id IS NULL")),
        Index("communications_thread", "thread_id", "occurred_at", "id"),
        Index("communications_provider_ref", "account_id", "channel", "provider_ref", unique=True,
              postgresql_where=text("provider_ref IS NOT NULL")),
        Index("communications_source_ref", "account_id", "source_ref", unique=True,
              postgresql_where=text("source_ref IS NOT NULL")),
    )


class SmsThread(Tenanted, Base):
    """A text conversation with one phone number."""

    __tablename__ = "sms_threads"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    counterpart: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    last_message_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_snippet: Mapped[str | None] = mapped_column(String(160))

    __table_args__ = (
        Index("sms_threads_counterpart", "account_id", "counterpart", unique=True),
        Index("sms_threads_customer", "account_id", "customer_id", "last_message_at", "id"),
    )


class Delivery(Tenanted, Base):
    """An outbound message still to hand to its provider (state pending) or handed over/given up (done)."""

    __tablename__ = "deliveries"
    communication_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("communications.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    attachment: Mapped[dict | None] = mapped_column(JSONB)  # e.g. {"kind": "statement", ...}, fetched at send time
    # Secrets the stored body shows as placeholders ({"[portal link]": url}), put back at send time, then dropped.
    withheld: Mapped[dict | None] = mapped_column(JSONB)

    __table_args__ = (
        Index("deliveries_due", "next_attempt_at", postgresql_where=text("state = 'pending'")),
    )


class ContactSource(Tenanted, Base):
    """The newest customer snapshot revision our contact points come from."""

    __tablename__ = "contact_sources"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    merged_into: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class ContactPoint(Tenanted, Base):
    """One phone (E.164) or email (lower case) of a customer, for matching inbound messages."""

    __tablename__ = "contact_points"
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(5), primary_key=True)
    value: Mapped[str] = mapped_column(String(320), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # 0 = the customer's primary

    __table_args__ = (Index("contact_points_lookup", "account_id", "kind", "value"),)


class CommunicationNote(Tenanted, Base):
    """A note customers keeps about a communication, as its newest `note.changed` left it."""

    __tablename__ = "communication_notes"
    note_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # null once the note was unlinked or deleted: the row stays so an older event arriving late changes nothing
    communication_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    body: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("communication_notes_by_communication", "account_id", "communication_id", "changed_at",
                            "note_id"),)


# Every read of a communication carries its notes as [{id, body}], oldest change first, in the same statement (a
# feed page costs no extra round trip).
Communication.notes = column_property(
    select(func.coalesce(
        func.jsonb_agg(aggregate_order_by(
            func.jsonb_build_object("id", CommunicationNote.note_id, "body", CommunicationNote.body),
            CommunicationNote.changed_at, CommunicationNote.note_id)),
        text("'[]'::jsonb")))
    .where(CommunicationNote.communication_id == Communication.id,
           CommunicationNote.account_id == Communication.account_id)
    .correlate_except(CommunicationNote)
    .scalar_subquery())
