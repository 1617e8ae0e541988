"""What the routes ask the service layer to do, as plain values: no request, no HTTP body. The request schemas build
them as they load a body. An edit's fields default to ``UNSET``, "not sent", so a field left alone and a field set
to null stay apart; ``sent`` gives the fields an edit does change."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from chassis.commands import UNSET

from customers.domain.addresses import DEFAULT_COUNTRY
from customers.domain.lifecycle import INITIAL_STATUS


@dataclass(frozen=True)
class Phone:
    number: str  # as typed; the E.164 form and extension are worked out from it
    label: str | None = None


@dataclass(frozen=True)
class DoNotService:
    flag: bool
    reason: str | None = None


@dataclass(frozen=True)
class AddContact:
    name: str
    role: str | None = None
    emails: tuple[str, ...] | list[str] = ()
    phones: tuple[Phone, ...] | list[Phone] = ()
    is_primary: bool = False


@dataclass(frozen=True)
class EditContact:
    name: str = UNSET
    role: str | None = UNSET
    emails: list[str] = UNSET
    phones: list[Phone] = UNSET
    is_primary: bool = UNSET


@dataclass(frozen=True)
class AddProperty:
    """A property; of the customer's kind unless ``kind`` says otherwise."""

    line1: str
    city: str
    region: str
    postal_code: str
    line2: str | None = None
    country: str = DEFAULT_COUNTRY
    kind: str | None = None
    access_notes: str | None = None
    notes: str | None = None
    is_primary: bool = False


@dataclass(frozen=True)
class EditProperty:
    line1: str = UNSET
    line2: str | None = UNSET
    city: str = UNSET
    region: str = UNSET
    postal_code: str = UNSET
    country: str = UNSET
    kind: str = UNSET
    access_notes: str | None = UNSET
    notes: str | None = UNSET
    is_primary: bool = UNSET


@dataclass(frozen=True)
class AddEquipment:
    kind: str
    make: str | None = None
    model: str | None = None
    serial: str | None = None
    installed_on: dt.date | None = None
    warranty_until: dt.date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class EditEquipment:
    kind: str = UNSET
    make: str | None = UNSET
    model: str | None = UNSET
    serial: str | None = UNSET
    installed_on: dt.date | None = UNSET
    warranty_until: dt.date | None = UNSET
    notes: str | None = UNSET


@dataclass(frozen=True)
class CreateCustomer:
    """A new customer with its first tags, contacts and properties."""

    display_name: str
    company: str | None = None
    kind: str = "residential"
    preferred_channel: str | None = None
    lead_source: str | None = None
    next_follow_up_at: dt.datetime | None = None
    do_not_service: DoNotService | None = None
    status: str = INITIAL_STATUS
    tags: tuple[str, ...] | list[str] = ()
    contacts: tuple[AddContact, ...] | list[AddContact] = ()
    properties: tuple[AddProperty, ...] | list[AddProperty] = ()


@dataclass(frozen=True)
class EditCustomer:
    display_name: str = UNSET
    company: str | None = UNSET
    kind: str = UNSET
    preferred_channel: str | None = UNSET
    lead_source: str | None = UNSET
    next_follow_up_at: dt.datetime | None = UNSET
    do_not_service: DoNotService = UNSET


@dataclass(frozen=True)
class ChangeStatus:
    """A status set by hand (the lifecycle says which moves are allowed), with the reason given if any."""

    to: str
    reason: str | None = None


@dataclass(frozen=True)
class AddTag:
    tag: str


@dataclass(frozen=True)
class RemoveTag:
    tag: str  # matched without regard to case or surrounding spaces


@dataclass(frozen=True)
class EraseCustomer:
    """The erasure of a customer's personal data; ``confirm_name`` is the name as the person asking typed it."""

    confirm_name: str


@dataclass(frozen=True)
class SetReviewRequests:
    send_review_requests: bool


@dataclass(frozen=True)
class AddNote:
    body: str  # markdown
    pinned: bool = False
    communication_id: uuid.UUID | None = None


@dataclass(frozen=True)
class EditNote:
    body: str = UNSET
    pinned: bool = UNSET
    communication_id: uuid.UUID | None = UNSET


@dataclass(frozen=True)
class InviteToPortal:
    """A portal invite sent to ``email``, else to the customer's own email."""

    email: str | None = None
    expires_in_days: int = 7


@dataclass(frozen=True)
class RedeemInvite:
    """A magic link's token, as the portal hands it on."""

    token: str


@dataclass(frozen=True)
class LinkCustomer:
    """The customer is ``kind`` of the ``related_id`` one (bill_to, tenant, household)."""

    related_id: uuid.UUID
    kind: str


@dataclass(frozen=True)
class MergeCustomer:
    """The ``duplicate_id`` customer's records move onto the customer, which stays."""

    duplicate_id: uuid.UUID


@dataclass(frozen=True)
class ExportFile:
    """The file an export came as: its name and its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class UploadImport:
    """An export of another system, checked and stored ready to start; ``manual`` maps our fields to its columns
    when ``layout`` is manual."""

    kind: str
    file: ExportFile
    layout: str
    manual: dict[str, str] | None = None
