"""`GET /api/customers/<id>/timeline`: jobs, estimates, invoices, payments, messages and notes, newest first."""
from __future__ import annotations

import uuid

from marshmallow import ValidationError, validates

from chassis.api import Blueprint
from chassis.auth import current_principal
from chassis.pagination import PageArgs
from gateway.composition.timeline import is_timeline_cursor, timeline_calls, timeline_from, visible_sources
from gateway.entrypoints.http.context import call_headers, json_answer, upstreams
from gateway.entrypoints.http.shapes import TimelinePage
from gateway.entrypoints.http.workspace import customers_answer
from gateway.upstream.calls import Call, run_calls

blp = Blueprint("timeline", __name__, url_prefix="/api", description="The merged customer timeline.")


class TimelineArgs(PageArgs):
    @validates("cursor")
    def _cursor_is_a_timeline_key(self, value, **_):
        if value is not None and not is_timeline_cursor(value):
            raise ValidationError("Not a cursor of this timeline.")


@blp.get("/customers/<uuid:customer_id>/timeline", "customers:view", query=TimelineArgs, response=TimelinePage,
         description="A page of the merged timeline: items, next_cursor, and the "
         "services whose part is missing from this page (unavailable).")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The customers service did not answer.")
def timeline(args, customer_id: uuid.UUID):
    sources = visible_sources(current_principal().perms)
    calls = timeline_calls(customer_id, sources, args["limit"], args["cursor"])
    # The profile is asked beside the parts so that another account's customer answers 404.
    calls["profile"] = Call("customers", f"/customers/{customer_id}")
    outcomes = run_calls(upstreams(), calls, call_headers())
    customers_answer(outcomes["profile"])
    return json_answer(timeline_from(outcomes, sources, args["limit"]).as_dict())
