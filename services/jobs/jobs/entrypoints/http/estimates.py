"""HTTP routes of estimates and maintenance plans."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from chassis.auth import require
from chassis.customer_directory import require_customer
from chassis.db import request_session
from jobs.entrypoints.http.context import actor, adapter, now
from jobs.entrypoints.http.other_schemas import (ApproveIn, EstimateEditable, EstimateIn, EstimateOut, EstimateStatusMove, PlanIn,
                                                 PlanOut, PlanStatusMove)
from jobs.service_layer.estimates import approve, load_estimate, move_estimate, quote, revise
from jobs.service_layer.plans import load_plan, move_plan, set_up

blp = Blueprint("estimates_and_plans", __name__)


@blp.route("/estimates")
class Estimates(MethodView):
    @require("jobs:edit")
    @blp.arguments(EstimateIn)
    @blp.response(201, EstimateOut)
    def post(self, body):
        session = request_session()
        require_customer(session, body["customer_id"], adapter("customers_api"))
        return quote(session, actor=actor(), at=now(), **body)


@blp.route("/estimates/<uuid:estimate_id>")
class EstimateById(MethodView):
    @require("jobs:view")
    @blp.response(200, EstimateOut)
    def get(self, estimate_id):
        return load_estimate(request_session(), estimate_id)

    @require("jobs:edit")
    @blp.arguments(EstimateEditable)
    @blp.response(200, EstimateOut)
    def patch(self, changes, estimate_id):
        session = request_session()
        estimate = load_estimate(session, estimate_id, for_update=True)
        return revise(session, estimate, changes, actor=actor(), at=now())


@blp.route("/estimates/<uuid:estimate_id>/status")
class EstimateStatus(MethodView):
    @require("jobs:edit")
    @blp.arguments(EstimateStatusMove)
    @blp.response(200, EstimateOut)
    def post(self, body, estimate_id):
        session = request_session()
        estimate = load_estimate(session, estimate_id, for_update=True)
        return move_estimate(session, estimate, body["to"], actor=actor(), at=now())


@blp.route("/estimates/<uuid:estimate_id>/approve")
class EstimateApproval(MethodView):
    @require("jobs:edit")
    @blp.arguments(ApproveIn)
    @blp.response(200, EstimateOut)
    def post(self, body, estimate_id):
        session = request_session()
        estimate = load_estimate(session, estimate_id, for_update=True)
        return approve(session, estimate, actor=actor(), at=now(), **body)


@blp.route("/plans")
class Plans(MethodView):
    @require("jobs:edit")
    @blp.arguments(PlanIn)
    @blp.response(201, PlanOut)
    def post(self, body):
        session = request_session()
        require_customer(session, body["customer_id"], adapter("customers_api"))
        return set_up(session, actor=actor(), at=now(), **body)


@blp.route("/plans/<uuid:plan_id>")
class PlanById(MethodView):
    @require("jobs:view")
    @blp.response(200, PlanOut)
    def get(self, plan_id):
        return load_plan(request_session(), plan_id)


@blp.route("/plans/<uuid:plan_id>/status")
class PlanStatus(MethodView):
    @require("jobs:edit")
    @blp.arguments(PlanStatusMove)
    @blp.response(200, PlanOut)
    def post(self, body, plan_id):
        session = request_session()
        return move_plan(session, load_plan(session, plan_id, for_update=True), body["to"], actor=actor(), at=now())
