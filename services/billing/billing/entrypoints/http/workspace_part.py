"""GET /customers/<id>/workspace-part: billing's share of the customer workspace in the gateway's one call."""
from __future__ import annotations

from billing.entrypoints.http.schemas.responses import WorkspacePart
from billing.service_layer.workspace import workspace_part
from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import callers_api, now
from chassis import stored_parts
from fieldwork_contracts.workspace_part import PATH, PartArgs

blp = Blueprint("workspace_part", __name__, description="Billing's part of the customer workspace")


@blp.get(PATH, "billing:view", query=PartArgs, response=WorkspacePart)
def billing_part(args, customer_id):
    """The first invoices, the billing summary and the first activity page, as their own routes answer them."""
    at = now()
    stored = stored_parts.look_up(customer_id, args, now=at)
    if stored.current:
        return stored.answer()
    return stored.keep(WorkspacePart, *workspace_part(
        request_session(), customer_id, callers_api("customers_api"), limit=args["limit"],
        activity_limit=args["activity_limit"], now=at))
