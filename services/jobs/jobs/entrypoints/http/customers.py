"""A customer's pages in the jobs service: jobs, summary, recent activity, estimates, plans, timeline."""
from __future__ import annotations

from fieldwork_contracts.activity import ActivityItemSchema
from chassis.api import Blueprint
from chassis.customer_directory import visible_customer
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import callers_api, now
from jobs.adapters.orm import Estimate, Job, Plan
from jobs.domain.lifecycle import ESTIMATE, JOB, PLAN
from jobs.entrypoints.http.schemas.responses import (EstimatesPage, JobsPage, PlansPage, RecentActivityOut,
                                                    SummaryOut)
from jobs.entrypoints.http.schemas.requests import status_filter
from jobs.adapters import queries
from jobs.service_layer import estimates, plans

blp = Blueprint("customer_views", __name__, url_prefix="/customers/<uuid:customer_id>",
                description="A customer's jobs, estimates, plans and timeline")


def _session_for(customer_id):
    """The request's session, once the customer is known to be the caller's (404 otherwise)."""
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return session


def _page(model, customer_id, args, shown_as_of=None) -> dict:
    """A page of the customer's records of ``model``, each shown as of now when its view depends on the time."""
    page = queries.customer_page(_session_for(customer_id), model, customer_id, limit=args["limit"],
                                 cursor=args["cursor"], status=args.get("status"))
    if shown_as_of is not None:
        moment = now()
        for record in page.items:
            shown_as_of(record, moment)
    return page.as_dict()


@blp.get("/jobs", "jobs:view", query=status_filter(JOB.statuses), response=JobsPage)
def customer_jobs(args, customer_id):
    return _page(Job, customer_id, args)


@blp.get("/jobs/summary", "jobs:view", response=SummaryOut)
def customer_job_summary(customer_id):
    return queries.summary(_session_for(customer_id), customer_id, now())


@blp.get("/recent-activity", "jobs:view", response=RecentActivityOut)
def customer_recent_activity(customer_id):
    return queries.recent_activity(_session_for(customer_id), customer_id, now())


@blp.get("/estimates", "jobs:view", query=status_filter(ESTIMATE.statuses), response=EstimatesPage)
def customer_estimates(args, customer_id):
    return _page(Estimate, customer_id, args, estimates.shown_as_of)


@blp.get("/plans", "jobs:view", query=status_filter(PLAN.statuses), response=PlansPage)
def customer_plans(args, customer_id):
    return _page(Plan, customer_id, args, plans.shown_as_of)


@blp.get("/activity", "jobs:view", query=PageArgs, response=page_schema(ActivityItemSchema, name="JobsActivityPage"))
def customer_activity(args, customer_id):
    session = _session_for(customer_id)
    return queries.activity_page(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()
