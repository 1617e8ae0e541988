"""The jobs service's share of the customer workspace in one call (fieldwork_contracts.workspace_part)."""
from __future__ import annotations

from marshmallow import Schema, fields

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import callers_api, now
from chassis import stored_parts
from fieldwork_contracts.workspace_part import PATH, PartArgs, part_schema
from jobs.entrypoints.http.schemas.responses import (EstimatesPage, JobsPage, PhotoOut, PlansPage, RecentActivityOut,
                                                     ReviewsPage, SummaryOut)
from jobs.service_layer import workspace

blp = Blueprint("workspace_part", __name__)


class LatestPhotosOut(Schema):
    items = fields.List(fields.Nested(PhotoOut), metadata={"description": "The latest photos, newest first."})
    count = fields.Integer(metadata={"description": "How many photos the customer has."})

# Each section is the shape of the endpoint it stands for, so the gateway reads them alike.
JobsPart = part_schema("jobs", {
    "jobs": fields.Nested(JobsPage, required=True),
    "estimates": fields.Nested(EstimatesPage, required=True),
    "plans": fields.Nested(PlansPage, required=True),
    "recent_activity": fields.Nested(RecentActivityOut, required=True),
    "summary": fields.Nested(SummaryOut, required=True),
    "reviews": fields.Nested(ReviewsPage, required=True),
    "photos": fields.Nested(LatestPhotosOut, required=True),
})


@blp.get(PATH, "jobs:view", query=PartArgs, response=JobsPart)
def customer_workspace_part(args, customer_id):
    """First pages of jobs, estimates and plans, recent activity, the summary, reviews and the first timeline
    page."""
    at = now()
    stored = stored_parts.look_up(customer_id, args, now=at)
    if stored.current:
        return stored.answer()
    return stored.keep(JobsPart, *workspace.customer_part(
        request_session(), customer_id, callers_api("customers_api"), at, limit=args["limit"],
        activity_limit=args["activity_limit"]))
