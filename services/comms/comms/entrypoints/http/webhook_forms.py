"""The forms telephony providers post (Twilio's field names), read after the signature was checked."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, pre_load, validate


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
