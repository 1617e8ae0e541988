"""The client portal: a magic link becomes a portal session; the session sees its own customer only."""
from __future__ import annotations

import json
import uuid

from flask import Response, current_app, request
from marshmallow import fields, validate

from chassis import logs
from chassis.api import BINARY, Blueprint
from chassis.schemas import Schema
from chassis.auth import current_principal, public, require
from chassis.errors import NotFound, Unauthorized, Unavailable
from gateway import portal_sessions
from gateway.composition.portal_view import (ESTIMATES_TO_APPROVE, EVERY_SECTION, portal_calls, portal_view,
                                             sections_for)
from gateway.entrypoints.http.context import call_headers, json_answer, upstreams
from gateway.entrypoints.http.shapes import ESTIMATE, PORTAL_SECURITY, PortalSession, PortalView
from gateway.entrypoints.http.shapes import PORTAL_COOKIE as COOKIE
from gateway.entrypoints.http.workspace import customers_answer
from gateway.portal_sessions import PortalVisitor
from gateway.upstream.calls import run_calls
from gateway.upstream.client import ServiceUnavailable


blp = Blueprint("portal", __name__, url_prefix="/api", description="The client portal.")


class MagicLinkIn(Schema):
    token = fields.String(required=True, validate=validate.Length(min=1, max=2000))


def _config():
    return current_app.extensions["fieldwork"].adapter("config")


def _visitor() -> PortalVisitor:
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(COOKIE)
    if not token:
        raise Unauthorized("A portal session is required.")
    return portal_sessions.verify(_config().portal_secret, token)


def _service_headers(visitor: PortalVisitor, perms=portal_sessions.READ_PERMISSIONS) -> dict[str, str]:
    return call_headers(portal_sessions.service_token(_config().jwt_secret, visitor, perms))


def _view_of(customer_id: uuid.UUID, headers: dict[str, str], sections=EVERY_SECTION) -> dict:
    outcomes = run_calls(upstreams(), portal_calls(customer_id, sections), headers)
    profile = customers_answer(outcomes["profile"])
    if profile.get("merged_into"):
        raise NotFound("This customer's records moved; ask for a new invitation.")
    return portal_view(profile, outcomes, sections)


@blp.route("/portal/sessions", methods=["POST"])
@public  # the magic-link token is the credential: the customers service checks signature, expiry, single use
@blp.arguments(MagicLinkIn)
@blp.response(201, PortalSession, description="A portal session (also set as an HttpOnly cookie).")
@blp.alt_response(401, response="UNAUTHORIZED", description="The link is not valid, has expired or was used.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def open_session(body):
    client = upstreams().client("customers")
    headers = {"Content-Type": "application/json", logs.REQUEST_ID_HEADER: logs.current_request_id() or ""}
    try:
        reply = client.request("POST", "/portal/redeem", headers=headers, body=json.dumps(body).encode())
    except ServiceUnavailable as exc:
        raise Unavailable(f"The customers service did not answer ({exc.reason}).") from None
    if not reply.ok:
        raise Unauthorized("This link is not valid, has expired or was already used.")
    redeemed = reply.json()
    visitor = PortalVisitor(uuid.UUID(redeemed["customer_id"]), uuid.UUID(redeemed["account_id"]))
    token, expires = portal_sessions.issue(_config().portal_secret, visitor, _config().portal_ttl_seconds)
    response = Response(json.dumps({"session": token, "expires_at": expires, "customer_id": str(visitor.customer_id)}),
                        status=201, mimetype="application/json")
    response.set_cookie(COOKIE, token, max_age=_config().portal_ttl_seconds, httponly=True, samesite="Strict",
                        secure=request.is_secure, path="/api/portal")
    return response


@blp.route("/portal/me")
@blp.doc(security=PORTAL_SECURITY)
@public  # authenticated by the portal session, which staff tokens are not
@blp.response(200, PortalView, description="The customer-facing view: name, properties, visits, estimates, invoices.")
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="The customer's records moved (merged).")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def my_portal():
    visitor = _visitor()
    return json_answer(_view_of(visitor.customer_id, _service_headers(visitor)))


@blp.route("/portal/invoices/<uuid:invoice_id>/pdf")
@blp.doc(security=PORTAL_SECURITY)
@public  # authenticated by the portal session
@blp.response(200, BINARY, content_type="application/pdf", description="The invoice as a PDF, when it is the "
                                                                        "visitor's own.")
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The billing service did not answer.")
def my_invoice_pdf(invoice_id: uuid.UUID):
    visitor = _visitor()
    client = upstreams().client("billing")
    if client is None:
        raise Unavailable("Invoices are not available.")
    headers = _service_headers(visitor)
    try:
        invoice = client.get(f"/invoices/{invoice_id}", headers=headers)
        if invoice.status != 200 or invoice.json().get("customer_id") != str(visitor.customer_id) \
                or invoice.json().get("status") == "draft":
            raise NotFound("No such invoice.")
        pdf = client.get(f"/invoices/{invoice_id}/pdf", headers={**headers, "Accept": "application/pdf"})
    except ServiceUnavailable as exc:
        raise Unavailable(f"The billing service did not answer ({exc.reason}).") from None
    if pdf.status != 200:
        raise Unavailable("The invoice PDF could not be made.")
    return Response(pdf.body, mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{invoice.json().get("number")}.pdf"'})


@blp.route("/portal/estimates/<uuid:estimate_id>/approve", methods=["POST"])
@blp.doc(security=PORTAL_SECURITY)
@public  # authenticated by the portal session
@blp.response(200, ESTIMATE, description="The customer approves one of their own estimates awaiting approval.")
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(409, response="CONFLICT", description="The estimate can no longer be approved.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def approve_my_estimate(estimate_id: uuid.UUID):
    visitor = _visitor()
    client = upstreams().client("jobs")
    if client is None:
        raise Unavailable("Estimates are not available.")
    headers = _service_headers(visitor, portal_sessions.APPROVE_PERMISSIONS)
    try:
        estimate = client.get(f"/estimates/{estimate_id}", headers=headers)
        if estimate.status != 200 or estimate.json().get("customer_id") != str(visitor.customer_id) \
                or estimate.json().get("status") not in ESTIMATES_TO_APPROVE:
            raise NotFound("No such estimate awaiting approval.")
        approved = client.request("POST", f"/estimates/{estimate_id}/approve", body=b'{"create_job": true}',
                                  headers={**headers, "Content-Type": "application/json"})
    except ServiceUnavailable as exc:
        raise Unavailable(f"The jobs service did not answer ({exc.reason}).") from None
    return Response(approved.body, status=approved.status, mimetype="application/json")


@blp.route("/customers/<uuid:customer_id>/portal-view")
@require("customers:view")
@blp.response(200, PortalView, description="View as client: what the customer sees in the portal, as far as the "
                                           "staff user's own permissions go (other sections say not_permitted).")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def view_as_client(customer_id: uuid.UUID):
    # With the staff user's own token, and only the sections their permissions show: the page must not be a way
    # round them (invoice balances to someone without billing:view).
    return json_answer(_view_of(customer_id, call_headers(), sections_for(current_principal().perms)))
