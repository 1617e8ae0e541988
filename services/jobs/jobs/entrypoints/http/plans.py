"""HTTP routes of maintenance plans: set up, revise, activate/pause/cancel, the visits booked, history."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint, conflicts
from chassis.auth import require
from chassis.customer_directory import require_customer
from chassis.db import request_session
from chassis.pagination import PageArgs
from chassis.request_context import actor, adapter, now
from jobs.entrypoints.http.schemas.responses import HistoryOut, PlanOut, PlanVisitsPage
from jobs.entrypoints.http.schemas.requests import PlanEditable, PlanIn, PlanStatusMove
from jobs.service_layer.commands import RevisePlan, SetUpPlan
from jobs.service_layer.holds import cleared_for_work, keep_override
from jobs.service_layer.places import at_customers_property
from jobs.service_layer.plans import book_visits, load_plan, move_plan, open_visits, revise_plan, set_up
from jobs.service_layer.records import history

blp = Blueprint("plans", __name__)


@blp.route("/plans")
class Plans(MethodView):
    @require("jobs:edit")
    @conflicts
    @blp.arguments(PlanIn)
    @blp.response(201, PlanOut)
    def post(self, body):
        session = request_session()
        require_customer(session, body["customer_id"], adapter("customers_api"))
        body, override = cleared_for_work(session, body["customer_id"], body, "plan visits")
        body = at_customers_property(session, body, body["customer_id"], adapter("customers_api"))
        plan = set_up(session, SetUpPlan(**body), actor=actor(), at=now())
        keep_override(session, "plan", plan, override, actor(), now())
        return plan


@blp.route("/plans/<uuid:plan_id>")
class PlanById(MethodView):
    @require("jobs:view")
    @blp.response(200, PlanOut)
    def get(self, plan_id):
        return load_plan(request_session(), plan_id)

    @require("jobs:edit")
    @blp.arguments(PlanEditable)
    @blp.response(200, PlanOut)
    def patch(self, changes, plan_id):
        session = request_session()
        plan = load_plan(session, plan_id, for_update=True)
        changes = at_customers_property(session, changes, plan.customer_id, adapter("customers_api"),
                                        current=plan.property_id)
        return revise_plan(session, plan, RevisePlan(**changes), actor=actor(), at=now())


@blp.route("/plans/<uuid:plan_id>/status")
class PlanStatus(MethodView):
    @require("jobs:edit")
    @conflicts
    @blp.arguments(PlanStatusMove)
    @blp.response(200, PlanOut)
    def post(self, body, plan_id):
        session = request_session()
        plan = load_plan(session, plan_id, for_update=True)
        override = None
        if body["to"] == "active":
            body, override = cleared_for_work(session, plan.customer_id, body, "plan visits")
        plan = move_plan(session, plan, body["to"], actor=actor(), at=now())
        keep_override(session, "plan", plan, override, actor(), now())
        return plan


@blp.route("/plans/<uuid:plan_id>/visits")
class PlanVisits(MethodView):
    @require("jobs:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, PlanVisitsPage)
    def get(self, args, plan_id):
        """The jobs the plan booked that are still to be done, soonest first."""
        session = request_session()
        plan = load_plan(session, plan_id)
        return open_visits(session, plan, limit=args["limit"], cursor=args["cursor"]).as_dict()

    @require("jobs:edit")
    @conflicts
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, PlanVisitsPage)
    def post(self, args, plan_id):
        """Books the active plan's visits of the coming weeks now, as the scheduler would; answers the open visits."""
        session = request_session()
        plan = load_plan(session, plan_id, for_update=True)
        book_visits(session, plan, now())
        return open_visits(session, plan, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.route("/plans/<uuid:plan_id>/history")
class PlanHistory(MethodView):
    @require("jobs:view")
    @blp.response(200, HistoryOut)
    def get(self, plan_id):
        session = request_session()
        load_plan(session, plan_id)
        return {"items": history(session, plan_id)}
