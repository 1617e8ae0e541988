"""The shared building blocks of ``events/defs.schema.json``: statuses, an address, the customer snapshot."""
from __future__ import annotations

import typing
import uuid
from typing import Literal

from fieldwork_contracts.wire import UNSET, Shape, shape

CustomerStatus = Literal["lead", "prospect", "quoted", "active", "inactive"]
JobStatus = Literal["draft", "scheduled", "in_progress", "completed", "cancelled"]
EstimateStatus = Literal["draft", "sent", "viewed", "approved", "declined", "expired"]
PlanStatus = Literal["active", "assessment", "cancelled", "paused"]
# What people see: billing stores all but overdue, which is derived from the due date and shown, never stored.
InvoiceStatus = Literal["draft", "sent", "viewed", "partial", "paid", "overdue", "void"]
CustomerKind = Literal["residential", "commercial"]


@shape
class Address(Shape):
    line1: str
    line2: str | None
    city: str
    region: str
    postal_code: str
    country: str


@shape
class CustomerProperty(Shape):
    """One property of a customer; other services check a ``property_id`` they are given against these."""

    id: uuid.UUID
    kind: str = UNSET  # optional (added in v1): price books price by it
    address: Address


# Snapshot fields as they travel, for naming what a change touched (customer.updated's ``changed``).
SnapshotField = Literal["id", "number", "display_name", "company", "kind", "status", "lead_source", "do_not_service",
                        "do_not_service_reason", "archived", "merged_into", "emails", "phones", "primary_address",
                        "properties"]


@shape
class CustomerSnapshot(Shape):
    """The customer as it is after a change: a consumer may replace its copy with it whole."""

    id: uuid.UUID
    number: str
    display_name: str
    company: str | None
    kind: CustomerKind
    status: CustomerStatus
    lead_source: str | None
    do_not_service: bool
    do_not_service_reason: str | None = UNSET  # optional in v1: an older producer leaves it out
    archived: bool
    merged_into: uuid.UUID | None
    emails: list[str]
    phones: list[str]
    primary_address: Address | None
    properties: list[CustomerProperty] = UNSET  # optional in v1: absent says nothing about the properties

    def changed_fields(self, before: CustomerSnapshot) -> list[SnapshotField]:
        """The fields whose value differs from ``before``, in the schema's order."""
        return [name for name in typing.get_args(SnapshotField) if getattr(before, name) != getattr(self, name)]

