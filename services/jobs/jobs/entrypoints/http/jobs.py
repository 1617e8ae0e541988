"""HTTP routes of jobs: the account's list, create, read, edit, move status, history."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.db import request_session
from chassis.pagination import page_schema
from chassis.request_context import actor, callers_api, now
from jobs.adapters import queries
from jobs.domain.lifecycle import JOB
from jobs.entrypoints.http.schemas.requests import JobEditable, JobIn, JobStatusMove, status_filter
from jobs.entrypoints.http.schemas.responses import HistoryOut, JobBrief, JobOut
from jobs.service_layer.jobs import edit_job, load_job, move_job, open_job
from jobs.service_layer.new_work import make_new_work
from jobs.service_layer.places import at_customers_property
from jobs.service_layer.technicians import assign_crew

blp = Blueprint("jobs", __name__, url_prefix="/jobs", description="Jobs")


@blp.get("", "jobs:view", query=status_filter(JOB.statuses), response=page_schema(JobBrief, name="AccountJobPage"))
def list_jobs(args):
    return queries.account_jobs(request_session(), status=args["status"], limit=args["limit"],
                                cursor=args["cursor"]).as_dict()


@blp.post("", "jobs:edit", body=JobIn, response=JobOut, status=201)
@conflicts
def create_job(command):
    session, moment, by = request_session(), now(), actor()
    return make_new_work(session, command, callers_api("customers_api"), what="jobs", kind="job", by=by, now=moment,
                         make=lambda cleared: open_job(session, assign_crew(session, cleared), by=by, now=moment))


@blp.get("/<uuid:job_id>", "jobs:view", response=JobOut)
def read_job(job_id):
    return load_job(request_session(), job_id)


@blp.patch("/<uuid:job_id>", "jobs:edit", body=JobEditable, response=JobOut)
def change_job(command, job_id):
    session = request_session()
    job = load_job(session, job_id, for_update=True)
    command = at_customers_property(session, command, job.customer_id, callers_api("customers_api"),
                                    current=job.property_id)
    return edit_job(session, job, assign_crew(session, command), by=actor(), now=now())


@blp.post("/<uuid:job_id>/status", "jobs:edit", body=JobStatusMove, response=JobOut)
def change_job_status(move, job_id):
    session = request_session()
    return move_job(session, load_job(session, job_id, for_update=True), move, by=actor(), now=now())


@blp.get("/<uuid:job_id>/history", "jobs:view", response=HistoryOut)
def job_history(job_id):
    session = request_session()
    load_job(session, job_id)
    return {"items": queries.history(session, job_id)}
