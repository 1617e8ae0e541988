"""GET /customers/<id>/workspace-part: comms' share of the customer workspace in the gateway's one call."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import callers_api, now
from chassis import stored_parts
from fieldwork_contracts.workspace_part import PATH, PartArgs

from comms.entrypoints.http.schemas.responses import WorkspacePart
from comms.service_layer import workspace

blp = Blueprint("workspace_part", __name__, description="comms' part of the customer workspace")


@blp.get(PATH, "comms:view", query=PartArgs, response=WorkspacePart)
def comms_part(args, customer_id):
    """The first page of communications and the first activity page, as their own routes answer them, stored."""
    stored = stored_parts.look_up(customer_id, args, now=now())
    if stored.current:
        return stored.answer()
    return stored.keep(WorkspacePart, *workspace.workspace_part(
        request_session(), customer_id, callers_api("customers_api"), limit=args["limit"],
        activity_limit=args["activity_limit"]))
