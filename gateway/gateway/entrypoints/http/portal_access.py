"""What every portal route needs: the visitor of the session, and calls to the services on their behalf that
touch nothing but the visitor's own records."""
from __future__ import annotations

import json
import uuid

from flask import Response, current_app, request

from chassis.api import Blueprint
from chassis.errors import NotFound, Unavailable
from chassis.http_errors import Unauthorized
from chassis.service_calls.client import Reply
from gateway import portal_sessions
from gateway.composition.portal_view import portal_calls
from gateway.entrypoints.http.context import call_headers, upstreams
from gateway.entrypoints.http.shapes import PORTAL_COOKIE
from gateway.entrypoints.http.workspace import customers_answer
from gateway.portal_sessions import PortalVisitor
from gateway.upstream.calls import run_calls

blp = Blueprint("portal", __name__, url_prefix="/api", description="The client portal.")


def config():
    return current_app.extensions["fieldwork"].adapter("config")


def visitor() -> PortalVisitor:
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(PORTAL_COOKIE)
    if not token:
        raise Unauthorized("A portal session is required.")
    return portal_sessions.verify(config().portal_secret, token)


def service_headers(who: PortalVisitor, perms=portal_sessions.READ_PERMISSIONS) -> dict[str, str]:
    return call_headers(portal_sessions.service_token(config().jwt_secret, who, perms))


def profile_of(customer_id: uuid.UUID, headers: dict[str, str]) -> dict:
    """The customer's profile as the customers service has it (never shown as is: ``portal_view`` picks from it)."""
    return view_outcomes(customer_id, headers, ())[0]


def view_outcomes(customer_id: uuid.UUID, headers: dict[str, str], sections) -> tuple[dict, dict]:
    outcomes = run_calls(upstreams(), portal_calls(customer_id, sections), headers)
    profile = customers_answer(outcomes["profile"])
    if profile.get("merged_into"):
        raise NotFound("This customer's records moved; ask for a new invitation.")
    return profile, outcomes


def call(service: str, method: str, path: str, headers: dict[str, str], body: bytes | None = None) -> Reply:
    """One call to a service for the visitor; a service that does not answer is a 503."""
    return upstreams().call(service, method, path, headers=headers, body=body)


def post_json(service: str, path: str, headers: dict[str, str], document: dict) -> Reply:
    return call(service, "POST", path, {**headers, "Content-Type": "application/json"}, json.dumps(document).encode())


def own_record(service: str, path: str, who: PortalVisitor, headers: dict[str, str], what: str,
               owners: tuple[str, ...] = ("customer_id",)) -> dict:
    """The record at ``path`` if it is the visitor's own (one of its ``owners`` fields names the visitor: an invoice
    is also its bill-to payer's); anything else (another customer's, another account's, none at all) is the same
    404, so a visitor learns nothing about records that are not theirs."""
    reply = call(service, "GET", path, headers)
    if reply.status != 200 or str(who.customer_id) not in {reply.json().get(owner) for owner in owners}:
        raise NotFound(f"No such {what}.")
    return reply.json()


def answered(reply: Reply, *, passed_on=(409, 422)) -> Reply:
    """A service's answer to an act: success as it is, a refusal the visitor can act on passed on, else a 503."""
    if reply.ok:
        return reply
    if reply.status in passed_on:
        raise _Refused(reply)
    if reply.status == 404:
        raise NotFound("No such record.")
    raise Unavailable(f"The service could not do it (answered {reply.status}).")


class _Refused(Exception):
    def __init__(self, reply: Reply):
        super().__init__(reply.status)
        self.reply = reply


@blp.errorhandler(_Refused)
def _refused(error: _Refused):
    return Response(error.reply.body, status=error.reply.status, mimetype="application/json")
