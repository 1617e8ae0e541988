"""The events the comms service publishes (``x-producer: comms``): the fact of a contact, never its body."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar, Literal

from fieldwork_contracts.wire import EventData, Shape, shape


@shape
class HandledBy(Shape):
    kind: Literal["staff", "ai"]
    id: uuid.UUID | None


@shape
class CommunicationShape(Shape):
    id: uuid.UUID
    customer_id: uuid.UUID | None  # null when the contact matched no customer
    channel: Literal["call", "sms", "email"]
    direction: Literal["inbound", "outbound"]
    handled_by: HandledBy
    status: Literal["queued", "sent", "delivered", "failed", "bounced", "received", "completed", "missed",
                    "voicemail"]
    occurred_at: dt.datetime
    thread_id: uuid.UUID | None
    subject: str | None
    duration_seconds: int | None


@shape
class CommunicationLogged(EventData):
    TYPE: ClassVar[str] = "communication.logged"
    VERSION: ClassVar[int] = 1
    communication: CommunicationShape
