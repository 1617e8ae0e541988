"""What the routes load: request bodies, query arguments and forms, checked as they are read."""
from __future__ import annotations

import datetime as dt

from marshmallow import EXCLUDE, ValidationError, fields, pre_load, validate, validates_schema

from chassis.pagination import PageArgs
from chassis.schemas import CommandSchema, Schema
from comms.domain.communication import CHANNELS, DIRECTIONS, HANDLERS, LOGGED_STATUSES, SENDABLE_CHANNELS
from comms.service_layer.commands import AssignCommunication, LogCommunication, SendMessage


_UTC = dt.timezone.utc


class FeedArgs(PageArgs):
    channel = fields.String(load_default=None, validate=validate.OneOf(CHANNELS))


class LogIn(CommandSchema):
    """A call, text or email written into the log by hand."""

    command = LogCommunication
    customer_id = fields.UUID(required=True)
    channel = fields.String(required=True, validate=validate.OneOf(CHANNELS))
    direction = fields.String(required=True, validate=validate.OneOf(DIRECTIONS))
    handled_by = fields.String(load_default="staff", validate=validate.OneOf(HANDLERS))
    # Loaded under the names of the command's fields.
    from_address = fields.String(data_key="from", load_default=None, validate=validate.Length(max=320))
    to_address = fields.String(data_key="to", load_default=None, validate=validate.Length(max=320))
    subject = fields.String(load_default=None, validate=validate.Length(max=300))
    body = fields.String(load_default=None, validate=validate.Length(max=20_000))
    duration_seconds = fields.Integer(load_default=None, validate=validate.Range(min=0, max=86_400))
    recording_url = fields.Url(load_default=None, schemes={"http", "https"})
    transcript = fields.String(load_default=None, validate=validate.Length(max=100_000))
    status = fields.String(load_default=None, validate=validate.OneOf(LOGGED_STATUSES))
    occurred_at = fields.AwareDateTime(load_default=None, format="iso", default_timezone=_UTC)


MESSAGE_PURPOSES = ("service", "marketing", "review_request")


class MessageIn(CommandSchema):
    """An email or text to send; ``to`` defaults to the customer's primary email or phone."""

    command = SendMessage
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


class AssignIn(CommandSchema):
    command = AssignCommunication
    customer_id = fields.UUID(required=True)


class _ProviderForm(Schema):
    class Meta:
        unknown = EXCLUDE  # providers send many fields we do not use (AccountSid, FromCity, ...)

    @pre_load
    def _without_nul(self, form: dict, **_) -> dict:
        # PostgreSQL cannot store NUL. What a customer sent is kept without it rather than refused: the provider
        # would give up on a 4xx and the message would be lost. (The signature was checked on the form as sent.)
        return {name: value.replace("\x00", "") if isinstance(value, str) else value for name, value in form.items()}


class SmsForm(_ProviderForm):
    MessageSid = fields.String(required=True, validate=validate.Length(min=1, max=100))
    From = fields.String(required=True, validate=validate.Length(min=1, max=40))
    To = fields.String(required=True, validate=validate.Length(min=1, max=40))
    Body = fields.String(load_default="", validate=validate.Length(max=10_000))


class CallForm(_ProviderForm):
    """A call's status callback once it ended; HandledBy=ai and Summary come from our AI receptionist."""

    CallSid = fields.String(required=True, validate=validate.Length(min=1, max=100))
    From = fields.String(required=True, validate=validate.Length(min=1, max=40))
    To = fields.String(required=True, validate=validate.Length(min=1, max=40))
    CallStatus = fields.String(required=True, validate=validate.Length(min=1, max=20))
    Direction = fields.String(load_default="inbound", validate=validate.OneOf(
        ["inbound", "outbound", "outbound-api", "outbound-dial"]))
    CallDuration = fields.Integer(load_default=None, validate=validate.Range(min=0, max=86_400))
    RecordingUrl = fields.Url(load_default=None, schemes={"http", "https"})
    TranscriptionText = fields.String(load_default=None, validate=validate.Length(max=100_000))
    HandledBy = fields.String(load_default="staff", validate=validate.OneOf(["staff", "ai"]))
    Summary = fields.String(load_default=None, validate=validate.Length(max=300))


class EmailForm(_ProviderForm):
    """An inbound email as a mail provider's inbound-parse webhook posts it."""

    MessageId = fields.String(required=True, validate=validate.Length(min=1, max=100))
    From = fields.String(required=True, validate=validate.Length(min=1, max=320))
    To = fields.String(required=True, validate=validate.Length(min=1, max=320))
    Subject = fields.String(load_default=None, validate=validate.Length(max=300))
    Text = fields.String(load_default=None, validate=validate.Length(max=100_000))


class DeliveryStatusForm(_ProviderForm):
    """A provider's status callback for a message we sent (Twilio's field names): its id and where it stands."""

    MessageSid = fields.String(required=True, validate=validate.Length(min=1, max=100))
    MessageStatus = fields.String(required=True, validate=validate.Length(min=1, max=20))
    ErrorMessage = fields.String(load_default=None, validate=validate.Length(max=500))
