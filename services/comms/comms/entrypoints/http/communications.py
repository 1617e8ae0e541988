"""The log and the feed: a customer's communications, their threads and timeline part, hand-logged items."""
from __future__ import annotations

from fieldwork_contracts.activity import ActivityItemSchema
from chassis.api import Blueprint
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, adapter, callers_api, now, principal

from comms.entrypoints.http.schemas.requests import FeedArgs, LogIn
from comms.entrypoints.http.schemas.responses import CommunicationOut, CommunicationPage, ThreadOut
from comms.adapters import queries
from comms.service_layer.commands import LogCommunication
from comms.service_layer.manual_log import log_communication

blp = Blueprint("communications", __name__, description="Calls, texts and emails of a customer")


@blp.get("/customers/<uuid:customer_id>/communications", "comms:view", query=FeedArgs, response=CommunicationPage)
def customer_feed(args, customer_id):
    """The customer's communications, newest first."""
    return queries.feed(request_session(), customer_id, callers_api("customers_api"), channel=args["channel"],
                        limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.get("/customers/<uuid:customer_id>/threads", "comms:view", query=PageArgs, response=page_schema(ThreadOut))
def customer_threads(args, customer_id):
    """The customer's SMS conversations, the most recently active first."""
    return queries.customer_threads(request_session(), customer_id, callers_api("customers_api"),
                                    limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.get("/threads/<uuid:thread_id>/messages", "comms:view", query=PageArgs, response=CommunicationPage)
def thread_messages(args, thread_id):
    """The texts of one conversation, newest first."""
    return queries.thread_messages(request_session(), thread_id, limit=args["limit"],
                                   cursor=args["cursor"]).as_dict()


@blp.get("/customers/<uuid:customer_id>/activity", "comms:view", query=PageArgs,
         response=page_schema(ActivityItemSchema))
def customer_activity(args, customer_id):
    """comms' part of the customer's timeline."""
    return queries.activity(request_session(), customer_id, callers_api("customers_api"), limit=args["limit"],
                            cursor=args["cursor"]).as_dict()


@blp.post("/communications", "comms:send", body=LogIn, response=CommunicationOut, status=201)
def log_by_hand(command: LogCommunication):
    """Log a call, text or email by hand."""
    config = adapter("config")
    return log_communication(request_session(), command, user_id=principal().sub, by=actor(),
                             customers=callers_api("customers_api"), region=config.phone_region, now=now())


@blp.get("/communications/<uuid:communication_id>", "comms:view", response=CommunicationOut)
def read_communication(communication_id):
    return queries.communication(request_session(), communication_id)
