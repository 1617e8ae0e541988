"""HTTP routes of a job's visits: the trips a job takes, each with its time, crew and outcome."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.db import request_session
from chassis.request_context import actor, now
from jobs.adapters import queries
from jobs.entrypoints.http.schemas.requests import VisitIn, VisitMove
from jobs.entrypoints.http.schemas.responses import VisitOut, VisitsOut
from jobs.service_layer.jobs import load_job
from jobs.service_layer.visits import add_visit, load_visit, move_visit

blp = Blueprint("visits", __name__, url_prefix="/jobs/<uuid:job_id>/visits", description="A job's visits")


@blp.get("", "jobs:view", response=VisitsOut)
def job_visits(job_id):
    session = request_session()
    load_job(session, job_id)
    return {"items": queries.visits_of(session, job_id)}


@blp.post("", "jobs:edit", body=VisitIn, response=VisitOut, status=201)
@conflicts
def add_job_visit(visit, job_id):
    session = request_session()
    return add_visit(session, load_job(session, job_id, for_update=True), visit, by=actor(), now=now())


@blp.post("/<uuid:visit_id>/status", "jobs:edit", body=VisitMove, response=VisitOut)
@conflicts
def change_visit_status(move, job_id, visit_id):
    session = request_session()
    job = load_job(session, job_id, for_update=True)
    visit = load_visit(session, job_id, visit_id, for_update=True)
    return move_visit(session, job, visit, move, by=actor(), now=now())
