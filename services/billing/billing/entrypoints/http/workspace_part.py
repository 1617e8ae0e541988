"""GET /customers/<id>/workspace-part: billing's share of the customer workspace in the gateway's one call."""
from __future__ import annotations


from billing.entrypoints.http.schemas import WorkspacePart
from billing.service_layer.workspace import workspace_part
from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.messaging.event import utcnow
from chassis.workspace_part import PATH, PartArgs, answer_part

blp = Blueprint("workspace_part", __name__, description="Billing's part of the customer workspace")


@blp.route(PATH)
@require("billing:view")
@blp.arguments(PartArgs, location="query")
@blp.response(200, WorkspacePart)
def get(args, customer_id):
    """The first invoices, the billing summary and the first activity page, as their own routes answer them."""
    now = utcnow()
    return answer_part(WorkspacePart, customer_id, args, now=now, compute=lambda: workspace_part(
        request_session(), customer_id, limit=args["limit"], activity_limit=args["activity_limit"], now=now))
