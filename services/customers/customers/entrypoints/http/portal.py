"""Routes of portal invites, and the public redeem route the gateway's portal calls with a magic-link token."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import public, require
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, adapter, now
from customers.adapters import queries
from customers.entrypoints.http import presenters
from customers.entrypoints.http.schemas.requests import InviteIn, RedeemIn
from customers.entrypoints.http.schemas.responses import InviteOut, InvitePage, RedeemOut
from customers.service_layer import invites
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("portal", __name__, description="Customer portal invites")


@blp.route("/customers/<uuid:customer_id>/portal-invites")
class Invites(MethodView):
    @require("customers:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, InvitePage)
    def get(self, args, customer_id):
        session = request_session()
        get_customer(session, customer_id)
        page = queries.invites_page(session, customer_id, limit=args["limit"], cursor=args["cursor"])
        moment = now()
        return page.as_dict(lambda i: presenters.invite(i, moment))

    @require("customers:edit")
    @blp.arguments(InviteIn)
    @blp.response(201, InviteOut)
    def post(self, command, customer_id):
        session = request_session()
        record = invites.invite(session, customer_for_change(session, customer_id), command,
                                tokens=adapter("portal_tokens"), portal_url=adapter("portal_url"), by=actor(),
                                now=now())
        return presenters.invite(record, now())


@blp.route("/portal/redeem")
class Redeem(MethodView):
    @public  # the magic-link token authenticates itself: signed by us, expiring, single use
    @blp.arguments(RedeemIn)
    @blp.response(200, RedeemOut)
    def post(self, body):
        invite_id, account_id = invites.read_token(body["token"], adapter("portal_tokens"))
        customer_id, account_id = invites.redeem(request_session(account_id=account_id), invite_id, now=now())
        return {"customer_id": customer_id, "account_id": account_id}
