"""The log and the feed: a customer's communications, their threads and timeline part, hand-logged items."""
from __future__ import annotations

from flask.views import MethodView

from fieldwork_contracts.activity import ActivityItemSchema
from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, adapter, now, principal

from comms.entrypoints.http.schemas.requests import FeedArgs, LogIn
from comms.entrypoints.http.schemas.responses import CommunicationOut, CommunicationPage, ThreadOut
from comms.adapters import queries
from comms.service_layer.commands import LogCommunication
from comms.service_layer.manual_log import log_communication

blp = Blueprint("communications", __name__, description="Calls, texts and emails of a customer")


@blp.route("/customers/<uuid:customer_id>/communications")
class CustomerFeed(MethodView):
    @require("comms:view")
    @blp.arguments(FeedArgs, location="query")
    @blp.response(200, CommunicationPage)
    def get(self, args, customer_id):
        """The customer's communications, newest first."""
        return queries.feed(request_session(), customer_id, channel=args["channel"], limit=args["limit"],
                          cursor=args["cursor"]).as_dict()


@blp.route("/customers/<uuid:customer_id>/threads")
class CustomerThreads(MethodView):
    @require("comms:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_schema(ThreadOut))
    def get(self, args, customer_id):
        """The customer's SMS conversations, the most recently active first."""
        return queries.customer_threads(request_session(), customer_id, limit=args["limit"],
                                      cursor=args["cursor"]).as_dict()


@blp.route("/threads/<uuid:thread_id>/messages")
class ThreadMessages(MethodView):
    @require("comms:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, CommunicationPage)
    def get(self, args, thread_id):
        """The texts of one conversation, newest first."""
        return queries.thread_messages(request_session(), thread_id, limit=args["limit"],
                                     cursor=args["cursor"]).as_dict()


@blp.route("/customers/<uuid:customer_id>/activity")
class CustomerActivity(MethodView):
    @require("comms:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_schema(ActivityItemSchema))
    def get(self, args, customer_id):
        """comms' part of the customer's timeline."""
        return queries.activity(request_session(), customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.route("/communications")
class Communications(MethodView):
    @require("comms:send")
    @blp.arguments(LogIn)
    @blp.response(201, CommunicationOut)
    def post(self, body):
        """Log a call, text or email by hand."""
        config = adapter("config")
        return log_communication(request_session(), LogCommunication(**body), subject_of_token=principal().sub,
                                 name_of_user=actor(),
                                 customers=adapter("customers_api"), region=config.phone_region,
                                 now=now())


@blp.route("/communications/<uuid:communication_id>")
class CommunicationById(MethodView):
    @require("comms:view")
    @blp.response(200, CommunicationOut)
    def get(self, communication_id):
        return queries.communication(request_session(), communication_id)
