"""Sending from the workspace, and the inbox of what matched no customer."""
from __future__ import annotations

import datetime as dt

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import current_principal, require
from chassis.customer_directory import require_customer
from chassis.db import request_session
from chassis.pagination import PageArgs

from comms.domain.communication import HandledBy
from comms.entrypoints.http.schemas import AssignIn, CommunicationOut, CommunicationPage, MessageIn
from comms.entrypoints.http.runtime import adapters
from comms.service_layer import views
from comms.service_layer.assignment import assign
from comms.service_layer.sending import queue_message, recipient

blp = Blueprint("sending", __name__, description="Outbound email and SMS, and the unmatched inbox")


@blp.route("/messages")
class Messages(MethodView):
    @require("comms:send")
    @blp.arguments(MessageIn)
    @blp.response(202, CommunicationOut)
    def post(self, body):
        """Queue an email or text; the sender delivers it (status queued → sent, or failed with the reason)."""
        session, config = request_session(), adapters()["config"]
        customer = require_customer(session, body["customer_id"], adapters()["customers_api"])
        to = recipient(session, customer.id, body["channel"], body["to"], config.phone_region)
        sender = config.sms_from if body["channel"] == "sms" else config.smtp_from
        return queue_message(session, customer_id=customer.id, channel=body["channel"], to=to,
                             subject=body["subject"], body=body["body"],
                             handled_by=HandledBy.staff(current_principal().sub, current_principal().display_name),
                             from_address=sender,
                             now=dt.datetime.now(dt.timezone.utc))


@blp.route("/unmatched")
class Unmatched(MethodView):
    @require("comms:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, CommunicationPage)
    def get(self, args):
        """Inbound calls, texts and emails that matched no customer, newest first."""
        return views.unmatched(request_session(), limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.route("/unmatched/<uuid:communication_id>/assign")
class AssignUnmatched(MethodView):
    @require("comms:send")
    @blp.arguments(AssignIn)
    @blp.response(200, CommunicationOut)
    def post(self, body, communication_id):
        """Give an unmatched item (and the rest of its SMS thread) to a customer."""
        return assign(request_session(), communication_id, body["customer_id"], adapters()["customers_api"])
