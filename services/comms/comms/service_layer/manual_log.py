"""A call, text or email a user writes into the log by hand (a phone call taken on a mobile, say)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.customer_directory import require_customer
from chassis.errors import ValidationFailed
from chassis.references import CallersApi

from comms.adapters.orm import Communication
from comms.domain import communication as rules
from comms.domain.contact_points import normalise_phone
from comms.service_layer import contacts
from comms.service_layer.commands import LogCommunication
from comms.service_layer.recording import record
from comms.service_layer.threads import touch_thread

_CLOCK_SKEW = dt.timedelta(minutes=5)


def check_logged(command: LogCommunication, now: dt.datetime) -> None:
    """The rules a hand-logged item keeps beyond its field types; all broken rules are reported together, each on
    the field of the command (the request's field of that name)."""
    errors: dict[str, list[str]] = {}
    channel, direction = command.channel, command.direction
    if command.duration_seconds is not None and channel != "call":
        errors["duration_seconds"] = ["Only calls have a duration."]
    for field in ("recording_url", "transcript"):
        if getattr(command, field) and channel != "call":
            errors[field] = ["Only calls have a recording or transcript."]
    if command.status is not None and command.status not in rules.allowed_logged_statuses(channel, direction):
        allowed = ", ".join(rules.allowed_logged_statuses(channel, direction))
        errors["status"] = [f"A {direction} {channel} can be: {allowed}."]
    if command.occurred_at and command.occurred_at > now + _CLOCK_SKEW:
        errors["occurred_at"] = ["Cannot be in the future."]
    if not command.subject and not command.body and channel != "call":
        errors["body"] = ["A text or email needs a subject or a body."]
    if errors:
        raise ValidationFailed(errors)


def log_communication(session: Session, command: LogCommunication, *, user_id: str | None, by: str | None,
                      customers: CallersApi, region: str, now: dt.datetime) -> Communication:
    """Logs the item as handled by the AI or by who logs it (``by`` their display name, ``user_id`` their token
    subject)."""
    check_logged(command, now)
    customer = require_customer(session, command.customer_id, customers, allow_archived=True)
    channel, direction = command.channel, command.direction
    handled_by = rules.AI if command.handled_by == "ai" else rules.HandledBy.staff(user_id, by)
    occurred_at = command.occurred_at or now
    thread_id = None
    if channel == "sms":
        other = command.to_address if direction == "outbound" else command.from_address
        counterpart = normalise_phone(other, region) or contacts.primary(session, customer.id, contacts.PHONE)
        if counterpart:
            thread_id = touch_thread(session, counterpart, customer.id, occurred_at, command.body).id
    comm = Communication(
        id=uuid.uuid4(), customer_id=customer.id, channel=channel, direction=direction,
        handled_by_kind=handled_by.kind, handled_by_id=handled_by.id, handled_by_name=handled_by.name,
        from_address=command.from_address, to_address=command.to_address, subject=command.subject,
        body=command.body, duration_seconds=command.duration_seconds, recording_url=command.recording_url,
        transcript=command.transcript, status=command.status or rules.default_logged_status(channel, direction),
        thread_id=thread_id, occurred_at=occurred_at,
    )
    return record(session, comm)
