"""A call, text or email a user writes into the log by hand (a phone call taken on a mobile, say)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.customer_directory import CustomersApi, require_customer
from chassis.errors import ValidationFailed

from comms.adapters.orm import Communication
from comms.domain import communication as rules
from comms.domain.contact_points import normalise_phone
from comms.service_layer import contacts
from comms.service_layer.publishing import record
from comms.service_layer.threads import touch_thread

_CLOCK_SKEW = dt.timedelta(minutes=5)


def check_logged(body: dict, now: dt.datetime) -> None:
    """The rules a hand-logged item keeps beyond its field types; all broken rules are reported together."""
    errors: dict[str, list[str]] = {}
    channel, direction = body["channel"], body["direction"]
    if body.get("duration_seconds") is not None and channel != "call":
        errors["duration_seconds"] = ["Only calls have a duration."]
    for field in ("recording_url", "transcript"):
        if body.get(field) and channel != "call":
            errors[field] = ["Only calls have a recording or transcript."]
    status = body.get("status")
    if status is not None and status not in rules.allowed_logged_statuses(channel, direction):
        allowed = ", ".join(rules.allowed_logged_statuses(channel, direction))
        errors["status"] = [f"A {direction} {channel} can be: {allowed}."]
    if body.get("occurred_at") and body["occurred_at"] > now + _CLOCK_SKEW:
        errors["occurred_at"] = ["Cannot be in the future."]
    if not body.get("subject") and not body.get("body") and channel != "call":
        errors["body"] = ["A text or email needs a subject or a body."]
    if errors:
        raise ValidationFailed(errors)


def log_communication(session: Session, body: dict, *, subject_of_token: str, customers: CustomersApi,
                      region: str, now: dt.datetime, name_of_user: str | None = None) -> Communication:
    check_logged(body, now)
    customer = require_customer(session, body["customer_id"], customers, allow_archived=True)
    channel, direction = body["channel"], body["direction"]
    handled_by = rules.AI if body.get("handled_by") == "ai" else rules.HandledBy.staff(subject_of_token, name_of_user)
    occurred_at = body.get("occurred_at") or now
    thread_id = None
    if channel == "sms":
        other = body.get("to") if direction == "outbound" else body.get("from")
        counterpart = normalise_phone(other, region) or contacts.primary(session, customer.id, contacts.PHONE)
        if counterpart:
            thread_id = touch_thread(session, counterpart, customer.id, occurred_at, body.get("body")).id
    comm = Communication(
        id=uuid.uuid4(), customer_id=customer.id, channel=channel, direction=direction,
        handled_by_kind=handled_by.kind, handled_by_id=handled_by.id, handled_by_name=handled_by.name,
        from_address=body.get("from"), to_address=body.get("to"), subject=body.get("subject"), body=body.get("body"),
        duration_seconds=body.get("duration_seconds"), recording_url=body.get("recording_url"),
        transcript=body.get("transcript"), status=body.get("status") or rules.default_logged_status(channel, direction),
        thread_id=thread_id, occurred_at=occurred_at,
    )
    return record(session, comm)
