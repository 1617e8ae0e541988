"""The customers service's share of the workspace in one call (fieldwork_contracts.workspace_part)."""
from __future__ import annotations

from chassis import stored_parts
from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import now
from fieldwork_contracts.workspace_part import PATH, PartArgs
from customers.entrypoints.http.schemas.responses import CustomersPart
from customers.service_layer.workspace import workspace_part

blp = Blueprint("workspace_part", __name__, description="The customer's share of the workspace")


@blp.get(PATH, "customers:view", query=PartArgs, response=CustomersPart)
def customers_part(query, customer_id):
    """The profile (as `GET /customers/<id>`) and the first activity page (as `GET …/activity`): one statement
    while stored, else the store's lookup, two statements and the store's upsert.

    A merged customer's profile is answered too, with `merged_into`: the gateway follows it. The profile has
    no lists that grow, so `limit` is accepted for the contract's sake and changes nothing here.
    """
    at = now()
    stored = stored_parts.look_up(customer_id, query, now=at)
    if stored.current:
        return stored.answer()
    return stored.keep(CustomersPart, *workspace_part(request_session(), customer_id,
                                                      activity_limit=query["activity_limit"], now=at))
