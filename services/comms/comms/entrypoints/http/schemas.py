"""The wire shapes of comms' HTTP API, written on purpose (never generated from the tables)."""
from __future__ import annotations

import datetime as dt

from marshmallow import ValidationError, fields, validate, validates_schema

from chassis.pagination import PageArgs, page_schema
from chassis.schemas import Schema
from fieldwork_contracts.workspace_part import part_schema

from comms.domain.communication import CHANNELS, DIRECTIONS, HANDLERS, LOGGED_STATUSES, SENDABLE_CHANNELS

_UTC = dt.timezone.utc


class HandledByOut(Schema):
    kind = fields.String()
    id = fields.UUID(allow_none=True)
    name = fields.String(allow_none=True)


class CommunicationNoteOut(Schema):
    id = fields.UUID()
    body = fields.String(metadata={"description": "Markdown, as written in the customer's notes."})


class CommunicationOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID(allow_none=True, metadata={"description": "Null while in the unmatched inbox."})
    channel = fields.String()
    direction = fields.String()
    handled_by = fields.Function(
        lambda c: {"kind": c.handled_by_kind, "id": str(c.handled_by_id) if c.handled_by_id else None,
                   "name": c.handled_by_name},
        metadata={"description": "kind staff|ai, the staff user's id when known, a display name"})
    from_ = fields.String(attribute="from_address", data_key="from", allow_none=True)
    to = fields.String(attribute="to_address", allow_none=True)
    subject = fields.String(allow_none=True)
    body = fields.String(allow_none=True)
    duration_seconds = fields.Integer(allow_none=True)
    recording_url = fields.String(allow_none=True)
    transcript = fields.String(allow_none=True)
    status = fields.String(metadata={"description": "queued|sending|sent|delivered|failed for sends; received, "
                                                    "completed, missed, voicemail"})
    failure_reason = fields.String(allow_none=True)
    attempts = fields.Integer(metadata={"description": "How many times the sender tried to hand a send over."})
    next_attempt_at = fields.DateTime(format="iso", allow_none=True,
                                      metadata={"description": "When a queued send is tried again; null otherwise."})
    thread_id = fields.UUID(allow_none=True)
    occurred_at = fields.DateTime(format="iso")
    created_at = fields.DateTime(format="iso")
    notes = fields.List(fields.Nested(CommunicationNoteOut), metadata={
        "description": "The customer's notes about this communication (a call's notes), oldest change first; "
                       "an unlinked or deleted note is not listed."})


CommunicationPage = page_schema(CommunicationOut)  # one named schema, shared by every list of communications
WorkspacePart = part_schema("comms", {"communications": fields.Nested(CommunicationPage, required=True)})


class ThreadOut(Schema):
    id = fields.UUID()
    counterpart = fields.String(metadata={"description": "The other party's number, E.164."})
    customer_id = fields.UUID(allow_none=True)
    last_message_at = fields.DateTime(format="iso")
    last_snippet = fields.String(allow_none=True)


class FeedArgs(PageArgs):
    channel = fields.String(load_default=None, validate=validate.OneOf(CHANNELS))


class LogIn(Schema):
    """A call, text or email written into the log by hand."""

    customer_id = fields.UUID(required=True)
    channel = fields.String(required=True, validate=validate.OneOf(CHANNELS))
    direction = fields.String(required=True, validate=validate.OneOf(DIRECTIONS))
    handled_by = fields.String(load_default="staff", validate=validate.OneOf(HANDLERS))
    from_ = fields.String(data_key="from", attribute="from", load_default=None, validate=validate.Length(max=320))
    to = fields.String(load_default=None, validate=validate.Length(max=320))
    subject = fields.String(load_default=None, validate=validate.Length(max=300))
    body = fields.String(load_default=None, validate=validate.Length(max=20_000))
    duration_seconds = fields.Integer(load_default=None, validate=validate.Range(min=0, max=86_400))
    recording_url = fields.Url(load_default=None, schemes={"http", "https"})
    transcript = fields.String(load_default=None, validate=validate.Length(max=100_000))
    status = fields.String(load_default=None, validate=validate.OneOf(LOGGED_STATUSES))
    occurred_at = fields.AwareDateTime(load_default=None, format="iso", default_timezone=_UTC)


MESSAGE_PURPOSES = ("service", "marketing", "review_request")


class MessageIn(Schema):
    """An email or text to send; ``to`` defaults to the customer's primary email or phone."""

    customer_id = fields.UUID(required=True)
    channel = fields.String(required=True, validate=validate.OneOf(SENDABLE_CHANNELS))
    to = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=320))
    subject = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=300))
    body = fields.String(required=True, validate=validate.Length(min=1, max=10_000))
    purpose = fields.String(load_default="service", validate=validate.OneOf(MESSAGE_PURPOSES), metadata={
        "description": "service (about the customer's work; the default), marketing or review_request. A customer "
                       "flagged do-not-service gets no marketing or review requests: 409 with the flag's reason."})

    @validates_schema
    def _fits_the_channel(self, data, **_):
        if data.get("channel") == "email" and not data.get("subject"):
            raise ValidationError("An email needs a subject.", "subject")
        if data.get("channel") == "sms" and data.get("subject"):
            raise ValidationError("A text has no subject.", "subject")
        if data.get("channel") == "sms" and len(data.get("body") or "") > 1600:
            raise ValidationError("A text is at most 1600 characters.", "body")


class ChannelOut(Schema):
    configured = fields.Boolean()
    message = fields.String(allow_none=True, metadata={"description": "Why the channel cannot send, when it cannot."})


class ChannelsOut(Schema):
    email = fields.Nested(ChannelOut)
    sms = fields.Nested(ChannelOut)


class AssignIn(Schema):
    customer_id = fields.UUID(required=True)
