"""What a communication is: its channel, direction, who handled it, and the statuses it may hold."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

CHANNELS = ("call", "sms", "email")
SENDABLE_CHANNELS = ("sms", "email")
DIRECTIONS = ("inbound", "outbound")
HANDLERS = ("staff", "ai")

# The statuses of communication.logged v1; which ones a record may hold depends on how it came to be.
QUEUED, SENT, FAILED, RECEIVED, COMPLETED, MISSED, VOICEMAIL = (
    "queued", "sent", "failed", "received", "completed", "missed", "voicemail")
CALL_STATUSES = (COMPLETED, MISSED, VOICEMAIL)
LOGGED_STATUSES = (COMPLETED, MISSED, VOICEMAIL, SENT, RECEIVED)

# Provider call outcomes (Twilio's CallStatus words) in our terms.
_CALL_OUTCOMES = {"completed": COMPLETED, "busy": MISSED, "no-answer": MISSED, "canceled": MISSED, "failed": MISSED}


@dataclass(frozen=True)
class HandledBy:
    kind: str
    id: uuid.UUID | None = None
    name: str | None = None

    @classmethod
    def staff(cls, subject: str | None, name: str | None = None) -> "HandledBy":
        """A staff member known by their token subject, shown by their display name; the id is kept only when the
        subject is a UUID."""
        try:
            staff_id = uuid.UUID(subject) if subject else None
        except ValueError:
            staff_id = None
        return cls("staff", staff_id, name or subject)


AI = HandledBy("ai", None, "AI receptionist")


def call_status(provider_status: str, has_recording: bool) -> str:
    """A finished call's status: unanswered with a recording left is a voicemail."""
    status = _CALL_OUTCOMES.get(provider_status.lower(), MISSED)
    return VOICEMAIL if status == MISSED and has_recording else status


def default_logged_status(channel: str, direction: str) -> str:
    """What a hand-logged item is unless the user says otherwise."""
    if channel == "call":
        return COMPLETED
    return SENT if direction == "outbound" else RECEIVED


def allowed_logged_statuses(channel: str, direction: str) -> tuple[str, ...]:
    if channel == "call":
        return CALL_STATUSES
    return (SENT,) if direction == "outbound" else (RECEIVED,)


def activity_title(channel: str, direction: str, handled_by_kind: str, subject: str | None) -> str:
    """The line a timeline shows for a communication."""
    if channel == "call":
        title = "Inbound call" if direction == "inbound" else "Outbound call"
        return f"{title} (AI receptionist)" if handled_by_kind == "ai" else title
    if channel == "sms":
        return "Text received" if direction == "inbound" else "Text sent"
    prefix = "Email received" if direction == "inbound" else "Email sent"
    return f"{prefix}: {subject}" if subject else prefix


def snippet(text: str | None, length: int = 140) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
