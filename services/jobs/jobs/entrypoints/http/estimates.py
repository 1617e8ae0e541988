"""HTTP routes of estimates: quote, revise, send/view/decline, approve (optionally into a job), convert, history."""
from __future__ import annotations

from flask import Response

from chassis.api import BINARY, Blueprint, conflicts
from chassis.db import request_session
from chassis.request_context import actor, callers_api, now
from jobs.adapters import queries
from jobs.adapters.estimate_pdf import estimate_pdf
from jobs.entrypoints.http.schemas.requests import (ApproveIn, EstimateEditable, EstimateIn, EstimateStatusMove,
                                                    JobWindowIn)
from jobs.entrypoints.http.schemas.responses import EstimateOut, HistoryOut
from jobs.service_layer.estimates import (approve, convert_to_job, load_estimate, move_estimate, quote, revise,
                                          shown_as_of)
from jobs.service_layer.new_work import make_new_work
from jobs.service_layer.places import at_customers_property

blp = Blueprint("estimates", __name__, description="Estimates")


@blp.post("/estimates", "jobs:edit", body=EstimateIn, response=EstimateOut, status=201)
@conflicts
def quote_estimate(command):
    session, moment, by = request_session(), now(), actor()
    estimate = make_new_work(session, command, callers_api("customers_api"), what="estimates", kind="estimate",
                             by=by, now=moment, make=lambda cleared: quote(session, cleared, by=by, now=moment))
    return shown_as_of(estimate, moment)


@blp.get("/estimates/<uuid:estimate_id>", "jobs:view", response=EstimateOut)
def read_estimate(estimate_id):
    return shown_as_of(load_estimate(request_session(), estimate_id), now())


@blp.patch("/estimates/<uuid:estimate_id>", "jobs:edit", body=EstimateEditable, response=EstimateOut)
def revise_estimate(command, estimate_id):
    session = request_session()
    estimate = load_estimate(session, estimate_id, for_update=True)
    command = at_customers_property(session, command, estimate.customer_id, callers_api("customers_api"),
                                    current=estimate.property_id)
    moment = now()
    return shown_as_of(revise(session, estimate, command, by=actor(), now=moment), moment)


@blp.get("/estimates/<uuid:estimate_id>/pdf", "jobs:view", response=BINARY, content_type="application/pdf",
         description="The estimate as a PDF.")
def estimate_as_pdf(estimate_id):
    """The estimate as the customer gets it by email (comms attaches it when the estimate is sent)."""
    estimate = load_estimate(request_session(), estimate_id)
    return Response(estimate_pdf(estimate), mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{estimate.number}.pdf"'})


@blp.post("/estimates/<uuid:estimate_id>/status", "jobs:edit", body=EstimateStatusMove, response=EstimateOut)
def change_estimate_status(move, estimate_id):
    session = request_session()
    estimate = load_estimate(session, estimate_id, for_update=True)
    moment = now()
    return shown_as_of(move_estimate(session, estimate, move, by=actor(), now=moment), moment)


@blp.post("/estimates/<uuid:estimate_id>/approve", "jobs:edit", body=ApproveIn, response=EstimateOut)
def approve_estimate(approval, estimate_id):
    session = request_session()
    estimate = load_estimate(session, estimate_id, for_update=True)
    moment = now()
    return shown_as_of(approve(session, estimate, approval, by=actor(), now=moment), moment)


@blp.post("/estimates/<uuid:estimate_id>/job", "jobs:edit", body=JobWindowIn, response=EstimateOut)
@conflicts
def make_estimate_job(window, estimate_id):
    """Makes the job of an estimate approved without one; 409 when it is not approved or has its job."""
    session = request_session()
    estimate = load_estimate(session, estimate_id, for_update=True)
    moment = now()
    return shown_as_of(convert_to_job(session, estimate, window, by=actor(), now=moment), moment)


@blp.get("/estimates/<uuid:estimate_id>/history", "jobs:view", response=HistoryOut)
def estimate_history(estimate_id):
    session = request_session()
    load_estimate(session, estimate_id)
    return {"items": queries.history(session, estimate_id)}
