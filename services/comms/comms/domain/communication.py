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
# A send's path: queued → sending (with a provider now) → sent → delivered (the provider's status callback),
# or failed with the reason at any step.
SENDING, DELIVERED = "sending", "delivered"
SEND_STATUSES = (QUEUED, SENDING, SENT, DELIVERED, FAILED)
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


def activity_title(channel: str, direction: str, handled_by_kind: str, subject: str | None,
                   status: str = SENT, failure_reason: str | None = None) -> str:
    """The line a timeline shows for a communication; an outbound text or email says where it stands."""
    if channel == "call":
        title = "Inbound call" if direction == "inbound" else "Outbound call"
        return f"{title} (AI receptionist)" if handled_by_kind == "ai" else title
    noun = "Text" if channel == "sms" else "Email"
    if direction == "inbound":
        title = f"{noun} received"
    elif status == FAILED:
        title = f"{noun} failed: {failure_reason}" if failure_reason else f"{noun} failed"
    else:
        title = f"{noun} {status if status in SEND_STATUSES else SENT}"
    return f"{title}: {subject}" if subject and channel == "email" and status != FAILED else title


def snippet(text: str | None, length: int = 140) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
