"""What the routes answer: the documents dumped, under the names the OpenAPI document gives them."""
from __future__ import annotations

from marshmallow import fields

from chassis.pagination import page_schema
from chassis.schemas import Schema
from fieldwork_contracts.workspace_part import part_schema


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


class ChannelOut(Schema):
    configured = fields.Boolean()
    message = fields.String(allow_none=True, metadata={"description": "Why the channel cannot send, when it cannot."})


class ChannelsOut(Schema):
    email = fields.Nested(ChannelOut)
    sms = fields.Nested(ChannelOut)


class EmailStatus(Schema):
    configured = fields.Boolean(required=True, metadata={"description": "emails (invoices, statements, portal links) "
                                                                        "can go out"})
    server = fields.String(required=True, allow_none=True, metadata={"description": "the mail server, host:port"})
    sender = fields.String(required=True, allow_none=True, metadata={"description": "the From address"})
    message = fields.String(required=True, allow_none=True, metadata={"description": "what is missing, when it is"})


class SmsStatus(Schema):
    configured = fields.Boolean(required=True, metadata={"description": "texts (reminders, portal links) can go out"})
    provider = fields.String(required=True, allow_none=True, metadata={"description": "the SMS provider's host"})
    sender = fields.String(required=True, allow_none=True, metadata={"description": "the number texts come from"})
    api_key_last4 = fields.String(required=True, allow_none=True)
    message = fields.String(required=True, allow_none=True, metadata={"description": "what is missing, when it is"})


class MessagingStatus(Schema):
    email = fields.Nested(EmailStatus, required=True)
    sms = fields.Nested(SmsStatus, required=True)
