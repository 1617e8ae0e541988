"""How customers and everything under them are stored (SQLAlchemy 2 models, account-scoped by Tenanted)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (Boolean, Computed, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint,
                        Uuid, func)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from chassis.db import Tenanted

Stamp = DateTime(timezone=True)


class Base(DeclarativeBase):
    pass


def account_led():
    """The account column of a table whose own indexes lead with it (migration 0015): the plain index on the
    account that ``Tenanted`` gives would serve no read those do not, and cost every write."""
    return mapped_column(Uuid, nullable=False)


def drawn_id():
    """The id of a row a bulk write stores without naming it: drawn by the database when the write leaves it out
    (migration 0015), as the ORM draws it otherwise."""
    return mapped_column(primary_key=True, default=uuid.uuid4, server_default=func.gen_random_uuid())


class Customer(Tenanted, Base):
    __tablename__ = "customers"
    account_id: Mapped[uuid.UUID] = account_led()
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20))
    display_name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    # When a person last set the status: older work never overrides that choice (domain.lifecycle).
    status_set_by_hand_at: Mapped[dt.datetime | None] = mapped_column(Stamp)
    preferred_channel: Mapped[str | None] = mapped_column(String(10))
    lead_source: Mapped[str | None] = mapped_column(String(100))
    do_not_service: Mapped[bool] = mapped_column(Boolean, default=False)
    do_not_service_reason: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, server_default=func.now())
    last_contacted_at: Mapped[dt.datetime | None] = mapped_column(Stamp)
    next_follow_up_at: Mapped[dt.datetime | None] = mapped_column(Stamp)
    archived_at: Mapped[dt.datetime | None] = mapped_column(Stamp)
    merged_into: Mapped[uuid.UUID | None] = mapped_column()
    revision: Mapped[int] = mapped_column(Integer, default=1)
    search_name: Mapped[str] = mapped_column(
        Text, Computed("lower(display_name || ' ' || coalesce(company, ''))", persisted=True))

    contacts: Mapped[list["Contact"]] = relationship(order_by="(Contact.created_at, Contact.id)",
                                                   cascade="all, delete-orphan")
    properties: Mapped[list["Property"]] = relationship(order_by="(Property.created_at, Property.id)",
                                                      cascade="all, delete-orphan")
    tags: Mapped[list["Tag"]] = relationship(order_by="Tag.name_lower", cascade="all, delete-orphan")
    notes: Mapped[list["Note"]] = relationship(order_by="Note.created_at", viewonly=True)


class Contact(Tenanted, Base):
    __tablename__ = "contacts"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, server_default=func.now())
    emails: Mapped[list["ContactEmail"]] = relationship(order_by="ContactEmail.position",
                                                        cascade="all, delete-orphan")
    phones: Mapped[list["ContactPhone"]] = relationship(order_by="ContactPhone.position",
                                                        cascade="all, delete-orphan")


class ContactEmail(Tenanted, Base):
    __tablename__ = "contact_emails"
    account_id: Mapped[uuid.UUID] = account_led()
    id: Mapped[uuid.UUID] = drawn_id()
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(String(254))
    address_lower: Mapped[str] = mapped_column(String(254), Computed("lower(address)", persisted=True))


class ContactPhone(Tenanted, Base):
    __tablename__ = "contact_phones"
    account_id: Mapped[uuid.UUID] = account_led()
    id: Mapped[uuid.UUID] = drawn_id()
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    entered: Mapped[str] = mapped_column(String(40))
    e164: Mapped[str] = mapped_column(String(16))
    extension: Mapped[str | None] = mapped_column(String(20))  # E.164 has no room for "x12"
    label: Mapped[str | None] = mapped_column(String(20))
    digits: Mapped[str] = mapped_column(String(16), Computed("ltrim(e164, '+')", persisted=True))


class Property(Tenanted, Base):
    __tablename__ = "properties"
    account_id: Mapped[uuid.UUID] = account_led()
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(20))
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    postal_code: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))
    access_notes: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    geocode_status: Mapped[str] = mapped_column(String(20), default="not_geocoded")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    formatted_address: Mapped[str | None] = mapped_column(String(300))
    geocoded_at: Mapped[dt.datetime | None] = mapped_column(Stamp)
    geocode_reason: Mapped[str | None] = mapped_column(String(30))  # why there is no location (adapters.geocoding)
    geocode_error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, server_default=func.now())
    address_key: Mapped[str] = mapped_column(
        Text, Computed("lower(line1) || '|' || lower(postal_code)", persisted=True))
    equipment: Mapped[list["Equipment"]] = relationship(order_by="(Equipment.created_at, Equipment.id)",
                                                        cascade="all, delete-orphan")


class Equipment(Tenanted, Base):
    __tablename__ = "equipment"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    property_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("properties.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    make: Mapped[str | None] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    installed_on: Mapped[dt.date | None] = mapped_column(Date)
    warranty_until: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, server_default=func.now())


class Note(Tenanted, Base):
    __tablename__ = "notes"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str] = mapped_column(String(200))
    communication_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(Stamp)
    updated_at: Mapped[dt.datetime | None] = mapped_column(Stamp)


class Tag(Tenanted, Base):
    __tablename__ = "tags"
    account_id: Mapped[uuid.UUID] = account_led()
    id: Mapped[uuid.UUID] = drawn_id()
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    name: Mapped[str] = mapped_column(String(40))
    name_lower: Mapped[str] = mapped_column(String(40), Computed("lower(name)", persisted=True))


class StatusChangeRow(Tenanted, Base):
    __tablename__ = "status_changes"
    id: Mapped[uuid.UUID] = drawn_id()
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    automatic: Mapped[bool] = mapped_column(Boolean)
    changed_by: Mapped[str | None] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(Stamp)
    cause: Mapped[str | None] = mapped_column(String(200))


class Merge(Tenanted, Base):
    __tablename__ = "merges"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    target_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    duplicate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    merged_by: Mapped[str] = mapped_column(String(200))
    merged_at: Mapped[dt.datetime] = mapped_column(Stamp)
    moved: Mapped[dict] = mapped_column(JSONB)
    undone_by: Mapped[str | None] = mapped_column(String(200))
    undone_at: Mapped[dt.datetime | None] = mapped_column(Stamp)


class PortalInvite(Tenanted, Base):
    __tablename__ = "portal_invites"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    email: Mapped[str | None] = mapped_column(String(254))  # None: the invitation went by text (revision 0007)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp)
    expires_at: Mapped[dt.datetime] = mapped_column(Stamp)
    redeemed_at: Mapped[dt.datetime | None] = mapped_column(Stamp)


class Relation(Tenanted, Base):
    """A link between two customers (revision 0011): ``customer_id`` is ``kind`` of ``related_id``."""

    __tablename__ = "customer_relations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    related_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp)


class Membership(Tenanted, Base):
    """A plan kept from the jobs service's plan events (revision 0011): its latest status and next visit."""

    __tablename__ = "memberships"
    plan_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    since: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    next_visit_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ReviewRequest(Tenanted, Base):
    """The review request sent for a completed job: the portal invitation that carried it, and by which channel."""

    __tablename__ = "review_requests"
    __table_args__ = (UniqueConstraint("account_id", "job_id", name="review_requests_one_per_job"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    job_id: Mapped[uuid.UUID]
    job_number: Mapped[str] = mapped_column(String(20))
    invite_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("portal_invites.id"))
    channel: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp)


class ReviewSetting(Tenanted, Base):
    """Whether the account sends review requests; an account without a row sends them."""

    __tablename__ = "review_settings"

    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    send_review_requests: Mapped[bool]
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(Stamp)


class Erasure(Tenanted, Base):
    """The audit trail of erasures (revision 0010): who erased which customer and when, and the pseudonym it left."""

    __tablename__ = "erasures"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    customer_number: Mapped[str] = mapped_column(String(20))
    pseudonym: Mapped[str] = mapped_column(String(200))
    erased_by: Mapped[str] = mapped_column(String(200))
    erased_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
