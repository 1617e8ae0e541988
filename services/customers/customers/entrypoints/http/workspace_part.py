"""The customers service's share of the customer workspace in one call (the chassis workspace-part contract)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields

from chassis.auth import require
from chassis.db import request_session
from chassis.workspace_part import PATH, PartArgs, part_schema
from customers.entrypoints.http.customers import profile_of
from customers.entrypoints.http.notes import activity_of
from customers.entrypoints.http.schemas_out import CustomerOut

blp = Blueprint("workspace_part", __name__, description="The customer's share of the workspace")

CustomersPart = part_schema("customers", {"profile": fields.Nested(CustomerOut, required=True)})


@blp.route(PATH)
class WorkspacePart(MethodView):
    @require("customers:view")
    @blp.arguments(PartArgs, location="query")
    @blp.response(200, CustomersPart)
    def get(self, args, customer_id):
        """The profile (as `GET /customers/<id>`) and the first activity page (as `GET …/activity`), in five statements.

        A merged customer's profile is answered too, with `merged_into`: the gateway follows it. The profile has
        no lists that grow, so `limit` is accepted for the contract's sake and changes nothing here.
        """
        profile = profile_of(customer_id)  # finds the customer or answers 404: the one visibility check
        return {"profile": profile,
                "activity": activity_of(request_session(), customer_id, limit=args["activity_limit"])}
