"""Inbound webhooks of the telephony and mail providers: signed, public, one per channel and account.

The provider is given one URL per Fieldwork account, ``/webhooks/<channel>/<account_id>``. The
account id is part of the signed URL, so a request cannot be moved to another account without
breaking the HMAC (see ``comms.domain.signature``). Nothing is read or stored before the
signature checks out; a bad or missing one answers 401.
"""
from __future__ import annotations

import uuid
from email.utils import parseaddr

from flask import Response, request
from marshmallow import ValidationError

from chassis.api import PUBLIC, Blueprint
from chassis.db import request_session
from chassis.errors import ValidationFailed
from chassis.http_errors import Unauthorized
from chassis.request_context import adapter, now
from chassis.schemas import Schema

from comms.domain import signature
from comms.domain.communication import AI, RECEIVED, HandledBy, call_status
from comms.domain.contact_points import normalise_email, normalise_phone
from comms.entrypoints.http.schemas.requests import CallForm, DeliveryStatusForm, EmailForm, SmsForm
from comms.service_layer import contacts
from comms.service_layer.commands import Inbound
from comms.service_layer.inbound import receive
from comms.service_layer.outcomes import report_delivery

blp = Blueprint("webhooks", __name__, description="Signed provider webhooks (calls, texts, emails)")

_EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
_PROVIDER = HandledBy("staff", None, None)


# What every webhook answers: an empty TwiML document (the provider is to do nothing more), and the id of the
# communication it was kept as.
_ANSWER = {"status": 200, "description": "Kept: an empty TwiML document, with the communication's id in "
                                         "X-Communication-Id.",
           "headers": {"X-Communication-Id": {"schema": {"type": "string", "format": "uuid"}}}}


def _config():
    return adapter("config")


def _signed_url() -> str:
    """The URL the provider called: our public base when a proxy sits in front, else the URL as received."""
    query = request.query_string.decode("latin-1")
    base = _config().webhook_public_base or request.host_url.rstrip("/")
    return base + request.path + (f"?{query}" if query else "")


def _verified_form(form_schema: Schema) -> dict:
    params = list(request.form.items(multi=True))
    if not signature.is_valid(_config().webhook_secret, _signed_url(), params, request.headers.get(signature.HEADER)):
        raise Unauthorized("The webhook signature is missing or wrong.")
    try:
        return form_schema.load(request.form.to_dict())
    except ValidationError as exc:
        raise ValidationFailed(exc.messages) from None


def _store(account_id: uuid.UUID, report: Inbound) -> Response:
    comm, _new = receive(request_session(account_id=account_id), report)
    response = Response(_EMPTY_TWIML, status=200, mimetype="text/xml")
    response.headers["X-Communication-Id"] = str(comm.id)
    return response


# PUBLIC: the provider signs the request (checked before anything is read)
@blp.post("/webhooks/sms/<uuid:account_id>", PUBLIC, **_ANSWER)
def sms_received(account_id):
    form = _verified_form(SmsForm())
    region = _config().phone_region
    return _store(account_id, Inbound(
        channel="sms", direction="inbound", provider_ref=form["MessageSid"], counterpart_kind=contacts.PHONE,
        counterpart=normalise_phone(form["From"], region), from_address=form["From"], to_address=form["To"],
        status=RECEIVED, handled_by=_PROVIDER, occurred_at=now(), body=form["Body"]))


# PUBLIC: the provider signs the request (checked before anything is read)
@blp.post("/webhooks/calls/<uuid:account_id>", PUBLIC, **_ANSWER)
def call_ended(account_id):
    form = _verified_form(CallForm())
    inbound = form["Direction"] == "inbound"
    other = form["From"] if inbound else form["To"]
    return _store(account_id, Inbound(
        channel="call", direction="inbound" if inbound else "outbound", provider_ref=form["CallSid"],
        counterpart_kind=contacts.PHONE, counterpart=normalise_phone(other, _config().phone_region),
        from_address=form["From"], to_address=form["To"],
        status=call_status(form["CallStatus"], bool(form["RecordingUrl"])),
        handled_by=AI if form["HandledBy"] == "ai" else _PROVIDER, occurred_at=now(),
        subject=form["Summary"], duration_seconds=form["CallDuration"], recording_url=form["RecordingUrl"],
        transcript=form["TranscriptionText"]))


# PUBLIC: the provider signs the request (checked before anything is read)
@blp.post("/webhooks/email/<uuid:account_id>", PUBLIC, **_ANSWER)
def email_received(account_id):
    form = _verified_form(EmailForm())
    return _store(account_id, Inbound(
        channel="email", direction="inbound", provider_ref=form["MessageId"], counterpart_kind=contacts.EMAIL,
        counterpart=normalise_email(parseaddr(form["From"])[1]), from_address=form["From"], to_address=form["To"],
        status=RECEIVED, handled_by=_PROVIDER, occurred_at=now(), subject=form["Subject"], body=form["Text"]))


# PUBLIC: the provider signs the request (checked before anything is read)
@blp.post("/webhooks/delivery/<uuid:account_id>", PUBLIC, **_ANSWER)
def delivery_reported(account_id):
    """A provider's status callback for a message we sent: delivered, or failed with its reason."""
    form = _verified_form(DeliveryStatusForm())
    comm = report_delivery(request_session(account_id=account_id), form["MessageSid"], form["MessageStatus"],
                           form["ErrorMessage"])
    response = Response(_EMPTY_TWIML, status=200, mimetype="text/xml")
    response.headers["X-Communication-Id"] = str(comm.id)
    return response
