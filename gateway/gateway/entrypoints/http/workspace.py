"""`GET /api/customers/<id>/workspace`: everything about one customer in one answer, within one deadline."""
from __future__ import annotations

import uuid


from chassis.api import Blueprint
from chassis.auth import current_principal
from chassis.errors import NotFound, Unavailable
from chassis.http_errors import HttpError
from gateway.composition.workspace import PROFILE, compose, merged_document, workspace_calls
from gateway.entrypoints.http.context import call_headers, json_answer, upstreams
from gateway.entrypoints.http.shapes import Workspace
from gateway.upstream.calls import run_calls
from gateway.upstream.fanout import Failed

blp = Blueprint("workspace", __name__, url_prefix="/api", description="The customer workspace.")


def customers_answer(outcome) -> dict:
    """The customers service's answer, without which nothing about the customer is shown: 404 and 503 otherwise."""
    if isinstance(outcome, Failed):
        raise Unavailable(f"The customers service did not answer ({outcome.reason}).")
    if outcome.status == 404:
        raise NotFound("No such customer.")
    if not outcome.ok:
        raise HttpError(f"The customers service answered {outcome.status}.",
                        status=outcome.status if outcome.status < 500 else 503)
    return outcome.json()


@blp.get("/customers/<uuid:customer_id>/workspace", "customers:view", response=Workspace,
         description="Profile, header figures, first pages of every list, timeline and "
         "insights; each section with status ok, unavailable or not_configured.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def workspace(customer_id: uuid.UUID):
    principal = current_principal()
    outcomes = run_calls(upstreams(), workspace_calls(customer_id, principal.perms), call_headers())
    customers_part = customers_answer(outcomes["customers"])
    if customers_part[PROFILE].get("merged_into"):
        document = merged_document(customers_part[PROFILE])
    else:
        document = compose(customer_id, customers_part, outcomes)
    return json_answer(document)
