"""Routes of portal invites, and the public redeem route the gateway's portal calls with a magic-link token."""
from __future__ import annotations

from chassis.api import PUBLIC, Blueprint
from chassis.db import request_session
from chassis.pagination import PageArgs
from chassis.request_context import actor, adapter, now
from customers.adapters import queries
from customers.entrypoints.http.schemas.requests import InviteIn, RedeemIn
from customers.entrypoints.http.schemas.responses import InviteOut, InvitePage, RedeemOut
from customers.service_layer import invites, presenters
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("portal", __name__, description="Customer portal invites")


@blp.get("/customers/<uuid:customer_id>/portal-invites", "customers:view", query=PageArgs, response=InvitePage)
def list_invites(query, customer_id):
    session = request_session()
    get_customer(session, customer_id)
    page = queries.invites_page(session, customer_id, limit=query["limit"], cursor=query["cursor"])
    moment = now()
    return page.as_dict(lambda i: presenters.invite(i, moment))


@blp.post("/customers/<uuid:customer_id>/portal-invites", "customers:edit", body=InviteIn, response=InviteOut,
          status=201)
def invite_to_portal(command, customer_id):
    session = request_session()
    moment = now()
    record = invites.invite(session, customer_for_change(session, customer_id), command,
                            tokens=adapter("portal_tokens"), portal_url=adapter("portal_url"), by=actor(), now=moment)
    return presenters.invite(record, moment)


# Public: the magic-link token authenticates itself (signed by us, expiring, single use).
@blp.post("/portal/redeem", PUBLIC, body=RedeemIn, response=RedeemOut)
def redeem_invite(command):
    invite_id, account_id = invites.read_token(command, adapter("portal_tokens"))
    customer_id, account_id = invites.redeem(request_session(account_id=account_id), invite_id, now=now())
    return {"customer_id": customer_id, "account_id": account_id}
