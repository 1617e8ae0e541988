"""HTTP routes of a job's visits: the trips a job takes, each with its time, crew and outcome."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint, conflicts
from chassis.auth import require
from chassis.db import request_session
from chassis.request_context import actor, now
from jobs.entrypoints.http.schemas.requests import VisitIn, VisitMove
from jobs.entrypoints.http.schemas.responses import VisitOut, VisitsOut
from jobs.service_layer.commands import AddVisit
from jobs.service_layer.jobs import load_job
from jobs.service_layer.visits import add_visit, load_visit, move_visit, visits_of

blp = Blueprint("visits", __name__, url_prefix="/jobs/<uuid:job_id>/visits")


@blp.route("")
class Visits(MethodView):
    @require("jobs:view")
    @blp.response(200, VisitsOut)
    def get(self, job_id):
        session = request_session()
        load_job(session, job_id)
        return {"items": visits_of(session, job_id)}

    @require("jobs:edit")
    @conflicts
    @blp.arguments(VisitIn)
    @blp.response(201, VisitOut)
    def post(self, body, job_id):
        session = request_session()
        return add_visit(session, load_job(session, job_id, for_update=True), AddVisit(**body), actor=actor(), at=now())


@blp.route("/<uuid:visit_id>/status")
class VisitStatus(MethodView):
    @require("jobs:edit")
    @conflicts
    @blp.arguments(VisitMove)
    @blp.response(200, VisitOut)
    def post(self, body, job_id, visit_id):
        session = request_session()
        job = load_job(session, job_id, for_update=True)
        visit = load_visit(session, job_id, visit_id, for_update=True)
        return move_visit(session, job, visit, body["to"], actor=actor(), now=now(), at=body.get("at"))
