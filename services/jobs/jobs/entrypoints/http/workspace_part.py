"""The jobs service's share of the customer workspace in one call (fieldwork_contracts.workspace_part)."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import callers_api, now
from chassis import stored_parts
from fieldwork_contracts.workspace_part import PATH, PartArgs
from jobs.entrypoints.http.schemas.responses import JobsPart
from jobs.service_layer import workspace

blp = Blueprint("workspace_part", __name__, description="Jobs' part of the customer workspace")


@blp.get(PATH, "jobs:view", query=PartArgs, response=JobsPart)
def customer_workspace_part(args, customer_id):
    """First pages of jobs, estimates and plans, recent activity, the summary, reviews and the first timeline
    page."""
    moment = now()
    stored = stored_parts.look_up(customer_id, args, now=moment)
    if stored.current:
        return stored.answer()
    return stored.keep(JobsPart, *workspace.customer_part(
        request_session(), customer_id, callers_api("customers_api"), moment, limit=args["limit"],
        activity_limit=args["activity_limit"]))
