"""HTTP routes of jobs: create, read, edit, move status, history."""
from __future__ import annotations

from flask.views import MethodView
from sqlalchemy import select

from chassis.api import Blueprint, conflicts
from chassis.auth import require
from chassis.customer_directory import require_customer
from chassis.db import request_session
from chassis.pagination import keyset_page, page_schema
from chassis.request_context import actor, adapter, now
from jobs.adapters.orm import Job
from jobs.domain.lifecycle import JOB
from jobs.entrypoints.http.schemas.requests import JobEditable, JobIn, JobStatusMove, status_filter
from jobs.entrypoints.http.schemas.responses import HistoryOut, JobBrief, JobOut
from jobs.service_layer.commands import EditJob, OpenJob
from jobs.service_layer.holds import cleared_for_work, keep_override
from jobs.service_layer.jobs import edit_job, load_job, move_job, open_job
from jobs.service_layer.places import at_customers_property
from jobs.service_layer.records import history
from jobs.service_layer.technicians import assign_crew
from jobs.adapters.queries import JOB_PAGE_ORDER, job_page_key

blp = Blueprint("jobs", __name__, url_prefix="/jobs")


@blp.route("")
class Jobs(MethodView):
    @require("jobs:view")
    @blp.arguments(status_filter(JOB.statuses), location="query")
    @blp.response(200, page_schema(JobBrief, name="AccountJobPage"))
    def get(self, args):
        stmt = select(Job)
        if args["status"]:
            stmt = stmt.where(Job.status == args["status"])
        return keyset_page(request_session(), stmt, list(JOB_PAGE_ORDER), limit=args["limit"],
                           cursor=args["cursor"], key=job_page_key).as_dict()

    @require("jobs:edit")
    @conflicts
    @blp.arguments(JobIn)
    @blp.response(201, JobOut)
    def post(self, body):
        session = request_session()
        require_customer(session, body["customer_id"], adapter("customers_api"))
        body, override = cleared_for_work(session, body["customer_id"], body, "jobs")
        body = at_customers_property(session, body, body["customer_id"], adapter("customers_api"))
        body = assign_crew(session, body)
        job = open_job(session, OpenJob(**body), actor=actor(), at=now())
        keep_override(session, "job", job, override, actor(), now())
        return job


@blp.route("/<uuid:job_id>")
class JobById(MethodView):
    @require("jobs:view")
    @blp.response(200, JobOut)
    def get(self, job_id):
        return load_job(request_session(), job_id)

    @require("jobs:edit")
    @blp.arguments(JobEditable)
    @blp.response(200, JobOut)
    def patch(self, changes, job_id):
        session = request_session()
        job = load_job(session, job_id, for_update=True)
        changes = at_customers_property(session, changes, job.customer_id, adapter("customers_api"),
                                        current=job.property_id)
        changes = assign_crew(session, changes)
        return edit_job(session, job, EditJob(**changes), actor=actor(), at=now())


@blp.route("/<uuid:job_id>/status")
class JobStatus(MethodView):
    @require("jobs:edit")
    @blp.arguments(JobStatusMove)
    @blp.response(200, JobOut)
    def post(self, body, job_id):
        session = request_session()
        return move_job(session, load_job(session, job_id, for_update=True), body["to"], actor=actor(), now=now(),
                        at=body.get("at"))


@blp.route("/<uuid:job_id>/history")
class JobHistory(MethodView):
    @require("jobs:view")
    @blp.response(200, HistoryOut)
    def get(self, job_id):
        session = request_session()
        load_job(session, job_id)
        return {"items": history(session, job_id)}
