"""HTTP routes of maintenance plans: set up, revise, activate/pause/cancel, the visits booked, history."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.db import request_session
from chassis.pagination import PageArgs
from chassis.request_context import actor, callers_api, now
from jobs.adapters import queries
from jobs.entrypoints.http.schemas.responses import HistoryOut, PlanOut, PlanVisitsPage
from jobs.entrypoints.http.schemas.requests import PlanEditable, PlanIn, PlanStatusMove
from jobs.service_layer.holds import cleared_for_work, keep_override
from jobs.service_layer.new_work import make_new_work
from jobs.service_layer.places import at_customers_property
from jobs.service_layer.plans import book_visits, load_plan, move_plan, revise_plan, set_up, shown_as_of

blp = Blueprint("plans", __name__, description="Maintenance plans and the visits they book")


@blp.post("/plans", "jobs:edit", body=PlanIn, response=PlanOut, status=201)
@conflicts
def set_up_plan(command):
    session, moment, by = request_session(), now(), actor()
    plan = make_new_work(session, command, callers_api("customers_api"), what="plan visits", kind="plan", by=by,
                         now=moment, make=lambda cleared: set_up(session, cleared, by=by, now=moment))
    return shown_as_of(plan, moment)


@blp.get("/plans/<uuid:plan_id>", "jobs:view", response=PlanOut)
def read_plan(plan_id):
    return shown_as_of(load_plan(request_session(), plan_id), now())


@blp.patch("/plans/<uuid:plan_id>", "jobs:edit", body=PlanEditable, response=PlanOut)
def change_plan(command, plan_id):
    session = request_session()
    plan = load_plan(session, plan_id, for_update=True)
    command = at_customers_property(session, command, plan.customer_id, callers_api("customers_api"),
                                    current=plan.property_id)
    moment = now()
    return shown_as_of(revise_plan(session, plan, command, by=actor(), now=moment), moment)


@blp.post("/plans/<uuid:plan_id>/status", "jobs:edit", body=PlanStatusMove, response=PlanOut)
@conflicts
def change_plan_status(move, plan_id):
    session = request_session()
    plan = load_plan(session, plan_id, for_update=True)
    override = None
    if move.to == "active":
        move, override = cleared_for_work(session, plan.customer_id, move, "plan visits")
    moment, by = now(), actor()
    plan = move_plan(session, plan, move, by=by, now=moment)
    keep_override(session, "plan", plan, override, by=by, now=moment)
    return shown_as_of(plan, moment)


@blp.get("/plans/<uuid:plan_id>/visits", "jobs:view", query=PageArgs, response=PlanVisitsPage)
def plan_visits(args, plan_id):
    """The jobs the plan booked that are still to be done, soonest first."""
    session = request_session()
    plan = load_plan(session, plan_id)
    return queries.open_visits(session, plan.id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.post("/plans/<uuid:plan_id>/visits", "jobs:edit", query=PageArgs, response=PlanVisitsPage)
@conflicts
def book_plan_visits(args, plan_id):
    """Books the active plan's visits of the coming weeks now, as the scheduler would; answers the open visits."""
    session = request_session()
    plan = load_plan(session, plan_id, for_update=True)
    book_visits(session, plan, now=now())
    return queries.open_visits(session, plan.id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.get("/plans/<uuid:plan_id>/history", "jobs:view", response=HistoryOut)
def plan_history(plan_id):
    session = request_session()
    load_plan(session, plan_id)
    return {"items": queries.history(session, plan_id)}
