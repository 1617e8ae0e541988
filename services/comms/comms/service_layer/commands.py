"""What the routes ask the service layer to do, as plain values: no request, no HTTP body, no schema."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from comms.domain.communication import HandledBy


@dataclass(frozen=True)
class LogCommunication:
    """A call, text or email a user writes into the log by hand."""

    customer_id: uuid.UUID
    channel: str
    direction: str
    handled_by: str = "staff"
    from_address: str | None = None
    to_address: str | None = None
    subject: str | None = None
    body: str | None = None
    duration_seconds: int | None = None
    recording_url: str | None = None
    transcript: str | None = None
    status: str | None = None
    occurred_at: dt.datetime | None = None


@dataclass(frozen=True)
class SendMessage:
    """An email or text a user sends from the workspace; ``to`` None: the customer's primary email or phone.
    ``purpose``: service (about the customer's work), marketing or review_request."""

    customer_id: uuid.UUID
    channel: str
    body: str
    to: str | None = None
    subject: str | None = None
    purpose: str = "service"


@dataclass(frozen=True)
class AssignCommunication:
    """An unmatched item (and the rest of its SMS thread) given to a customer."""

    customer_id: uuid.UUID


@dataclass(frozen=True)
class Inbound:
    """A provider's report of a call, text or email (a webhook's command), already read from its form:
    ``counterpart`` is the normalised other party."""

    channel: str
    direction: str
    provider_ref: str
    counterpart_kind: str          # contacts.PHONE or contacts.EMAIL
    counterpart: str | None        # None when the provider's value is not a readable number/address
    from_address: str | None
    to_address: str | None
    status: str
    handled_by: HandledBy
    occurred_at: dt.datetime
    subject: str | None = None
    body: str | None = None
    duration_seconds: int | None = None
    recording_url: str | None = None
    transcript: str | None = None
