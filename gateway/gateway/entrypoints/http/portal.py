"""The client portal: a magic link becomes a portal session; the session sees its own customer only.

The visitor's acts live beside this module: ``portal_documents`` (invoices, estimates), ``portal_requests``
(photos, service requests) and ``portal_reviews``; all are routes of the one portal blueprint.
"""
from __future__ import annotations

import json
import uuid

from flask import Response, request
from marshmallow import fields, validate

from chassis.api import PUBLIC
from chassis.auth import current_principal
from chassis.errors import Unavailable
from chassis.http_errors import Unauthorized
from chassis.schemas import Schema
from gateway import portal_sessions
from gateway.composition.portal_view import EVERY_SECTION, portal_view, sections_for
from gateway.entrypoints.http.context import call_headers, json_answer
from gateway.entrypoints.http.portal_access import blp, config, post_json, service_headers, view_outcomes, visitor
from gateway.entrypoints.http.portal_shapes import PortalSession, PortalView
from gateway.entrypoints.http.shapes import PORTAL_COOKIE as COOKIE
from gateway.entrypoints.http.shapes import PORTAL_SECURITY
from gateway.portal_sessions import PortalVisitor

__all__ = ["blp"]


class MagicLinkIn(Schema):
    token = fields.String(required=True, validate=validate.Length(min=1, max=2000))


def _view_of(customer_id: uuid.UUID, headers: dict[str, str], sections=EVERY_SECTION) -> dict:
    profile, outcomes = view_outcomes(customer_id, headers, sections)
    return portal_view(profile, outcomes, sections)


# PUBLIC: the magic-link token is the credential: the customers service checks signature, expiry, single use
@blp.post("/portal/sessions", PUBLIC, body=MagicLinkIn, response=PortalSession,
          description="A portal session (also set as an HttpOnly cookie).", status=201)
@blp.alt_response(401, response="UNAUTHORIZED", description="The link is not valid, has expired or was used.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def open_session(body):
    reply = post_json("customers", "/portal/redeem", {}, body)
    if reply.status >= 500:  # the link may be good: the customers service could not say
        raise Unavailable(f"The customers service could not check the link ({reply.status}).")
    if not reply.ok:
        raise Unauthorized("This link is not valid, has expired or was already used.")
    redeemed = reply.json()
    who = PortalVisitor(uuid.UUID(redeemed["customer_id"]), uuid.UUID(redeemed["account_id"]))
    token, expires = portal_sessions.issue(config().portal_secret, who, config().portal_ttl_seconds)
    response = Response(json.dumps({"session": token, "expires_at": expires, "customer_id": str(who.customer_id)}),
                        status=201, mimetype="application/json")
    response.set_cookie(COOKIE, token, max_age=config().portal_ttl_seconds, httponly=True, samesite="Strict",
                        secure=request.is_secure, path="/api/portal")
    return response


# PUBLIC: authenticated by the portal session, which staff tokens are not
@blp.get("/portal/me", PUBLIC, response=PortalView,
         description="The customer-facing view: name, properties, visits, estimates, invoices, "
         "jobs to review.")
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="The customer's records moved (merged).")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def my_portal():
    who = visitor()
    return json_answer(_view_of(who.customer_id, service_headers(who)))


@blp.get("/customers/<uuid:customer_id>/portal-view", "customers:view", response=PortalView,
         description="View as client: what the customer sees in the portal, as far as the "
         "staff user's own permissions go (other sections say not_permitted).")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def view_as_client(customer_id: uuid.UUID):
    # With the staff user's own token, and only the sections their permissions show: the page must not be a way
    # round them (invoice balances to someone without billing:view).
    return json_answer(_view_of(customer_id, call_headers(), sections_for(current_principal().perms)))


# The visitor's acts: routes on the same blueprint, registered by importing them.
from gateway.entrypoints.http import portal_documents, portal_requests, portal_reviews  # noqa: E402,F401
