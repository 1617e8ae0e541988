"""Sending from the workspace, and the inbox of what matched no customer."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.db import request_session
from chassis.request_context import actor, adapter, callers_api, now, principal

from comms.entrypoints.http.schemas.requests import AssignIn, FeedArgs, MessageIn
from comms.entrypoints.http.schemas.responses import ChannelsOut, CommunicationOut, CommunicationPage
from comms.adapters import queries
from comms.service_layer.assignment import assign
from comms.service_layer.commands import AssignCommunication, SendMessage
from comms.service_layer.outcomes import retry
from comms.service_layer.sending import NOT_CONFIGURED, configured_channels, send_message

blp = Blueprint("sending", __name__, description="Outbound email and SMS, and the unmatched inbox")


def _configured() -> dict[str, bool]:
    return configured_channels(adapter("mailer"), adapter("sms"))


@blp.post("/messages", "comms:send", body=MessageIn, response=CommunicationOut, status=202)
@conflicts
def queue_send(command: SendMessage):
    """Queue an email or text; the sender delivers it (queued → sending → sent → delivered, or failed with the reason).

    409 when the channel has nowhere to go (no mail server or SMS provider configured), or when a marketing
    message or review request is for a customer flagged do-not-service: nothing is queued."""
    config = adapter("config")
    return send_message(request_session(), command, configured=_configured(), senders=config.senders,
                        region=config.phone_region, customers=callers_api("customers_api"),
                        by=actor(), user_id=principal().sub, now=now())


@blp.get("/channels", "comms:view", response=ChannelsOut)
def channels():
    """Which channels can send here: a page offers Email or Text only where one is configured."""
    configured = _configured()
    return {channel: {"configured": configured[channel],
                      "message": None if configured[channel] else NOT_CONFIGURED[channel]}
            for channel in configured}


@blp.post("/communications/<uuid:communication_id>/retry", "comms:send", response=CommunicationOut, status=202)
@conflicts
def retry_send(communication_id):
    """Queue a failed send again from its first attempt (409 when it did not fail)."""
    return retry(request_session(), communication_id, configured=_configured(), now=now())


@blp.get("/unmatched", "comms:view", query=FeedArgs, response=CommunicationPage)
def unmatched(args):
    """Inbound calls, texts and emails that matched no customer, newest first (of one channel with ``channel``)."""
    return queries.unmatched(request_session(), channel=args["channel"], limit=args["limit"],
                             cursor=args["cursor"]).as_dict()


@blp.post("/unmatched/<uuid:communication_id>/assign", "comms:send", body=AssignIn, response=CommunicationOut)
def assign_unmatched(command: AssignCommunication, communication_id):
    """Give an unmatched item (and the rest of its SMS thread) to a customer."""
    return assign(request_session(), communication_id, command, callers_api("customers_api"))
