"""The events the customers service publishes (``x-producer: customers``)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar, Literal

from fieldwork_contracts.defs import CustomerSnapshot, CustomerStatus, SnapshotField
from fieldwork_contracts.wire import UNSET, EventData, Shape, shape


@shape
class CustomerCreated(EventData):
    TYPE: ClassVar[str] = "customer.created"
    VERSION: ClassVar[int] = 1
    customer: CustomerSnapshot
    revision: int


@shape
class CustomerUpdated(EventData):
    """Any field of the snapshot changed; keep the highest ``revision`` seen and ignore older snapshots."""

    TYPE: ClassVar[str] = "customer.updated"
    VERSION: ClassVar[int] = 1
    customer: CustomerSnapshot
    revision: int
    changed: list[SnapshotField]


@shape
class CustomerStatusChanged(EventData):
    TYPE: ClassVar[str] = "customer.status_changed"
    VERSION: ClassVar[int] = 1
    customer_id: uuid.UUID
    from_: CustomerStatus
    to: CustomerStatus
    automatic: bool
    changed_by: uuid.UUID | None
    changed_at: dt.datetime


@shape
class CustomerArchived(EventData):
    TYPE: ClassVar[str] = "customer.archived"
    VERSION: ClassVar[int] = 1
    customer_id: uuid.UUID


@shape
class CustomerUnarchived(EventData):
    TYPE: ClassVar[str] = "customer.unarchived"
    VERSION: ClassVar[int] = 1
    customer_id: uuid.UUID


@shape
class _MergeNamed(EventData):
    """A merge and its undo name the same three ids: ``merge_id`` is what the undo refers to."""

    merge_id: uuid.UUID
    duplicate_id: uuid.UUID
    target_id: uuid.UUID


@shape
class CustomerMerged(_MergeNamed):
    """``duplicate_id`` now lives on as ``target_id``."""

    TYPE: ClassVar[str] = "customer.merged"
    VERSION: ClassVar[int] = 1


@shape
class CustomerUnmerged(_MergeNamed):
    """The merge ``merge_id`` is undone: what it moved goes back to ``duplicate_id``."""

    TYPE: ClassVar[str] = "customer.unmerged"
    VERSION: ClassVar[int] = 1


@shape
class CustomerErased(EventData):
    """Consumers erase what they hold about the person, for the customer and the customers merged into it."""

    TYPE: ClassVar[str] = "customer.erased"
    VERSION: ClassVar[int] = 1
    customer_id: uuid.UUID
    number: str
    pseudonym: str
    merged_ids: list[uuid.UUID]
    revision: int
    erased_at: dt.datetime

    @property
    def ids(self) -> list[uuid.UUID]:
        """Everyone the erasure names: the customer and the customers merged into it."""
        return [self.customer_id, *self.merged_ids]


@shape
class NoteChanged(EventData):
    TYPE: ClassVar[str] = "note.changed"
    VERSION: ClassVar[int] = 1
    note_id: uuid.UUID
    customer_id: uuid.UUID
    communication_id: uuid.UUID | None
    body: str
    pinned: bool
    deleted: bool
    changed_at: dt.datetime


@shape
class PortalInviteRequested(EventData):
    """A portal invitation for comms to send; a review request names the job and the channel it goes by."""

    TYPE: ClassVar[str] = "portal.invite_requested"
    VERSION: ClassVar[int] = 1
    invite_id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    email: str = UNSET
    magic_link: str
    expires_at: dt.datetime
    purpose: Literal["portal_invite", "review_request"] = UNSET
    channel: Literal["email", "sms"] = UNSET
    phone: str = UNSET
    job_id: uuid.UUID = UNSET
    job_number: str = UNSET


@shape
class ImportedJob(Shape):
    id: uuid.UUID
    source_number: str | None
    title: str
    description: str | None
    property_id: uuid.UUID | None
    completed_on: dt.date
    technician: str | None


@shape
class ImportedInvoice(Shape):
    id: uuid.UUID
    source_number: str | None
    job_id: uuid.UUID | None
    issued_on: dt.date
    due_on: dt.date | None
    currency: str
    total_cents: int
    paid_cents: int
    voided: bool
    description: str


@shape
class HistoryImported(EventData):
    """One row of a past system's history: jobs keeps the job, billing the invoice, each marked imported."""

    TYPE: ClassVar[str] = "history.imported"
    VERSION: ClassVar[int] = 1
    import_id: uuid.UUID
    row_number: int
    customer_id: uuid.UUID
    source: str
    job: ImportedJob | None
    invoice: ImportedInvoice | None
