"""Routes of merging: merge a duplicate in, undo a merge, and the likely duplicates of a customer."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.adapters.duplicates import likely_duplicates
from customers.entrypoints.http import presenters
from customers.entrypoints.http.schemas.requests import MergeIn
from customers.entrypoints.http.schemas.responses import DuplicatesOut, MergeOut
from customers.service_layer import merging
from customers.service_layer.commands import MergeCustomer
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("merges", __name__, description="Merging duplicates")


@blp.route("/customers/<uuid:customer_id>/merge")
class MergeInto(MethodView):
    @require("customers:edit")
    @blp.arguments(MergeIn)
    @blp.response(201, MergeOut)
    def post(self, body, customer_id):
        session = request_session()
        target = customer_for_change(session, customer_id)
        return merging.merge(session, target, MergeCustomer(**body), by=actor(), now=now())


@blp.route("/customers/<uuid:customer_id>/merges")
class MergeTrail(MethodView):
    @require("customers:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_schema(MergeOut))
    def get(self, args, customer_id):
        session = request_session()
        get_customer(session, customer_id)
        return queries.merges_page(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.route("/merges/<uuid:merge_id>/undo")
class UndoMerge(MethodView):
    @require("customers:edit")
    @blp.response(200, MergeOut)
    def post(self, merge_id):
        return merging.undo_merge(request_session(), merge_id, by=actor(), now=now())


@blp.route("/customers/<uuid:customer_id>/duplicates")
class Duplicates(MethodView):
    @require("customers:view")
    @blp.response(200, DuplicatesOut)
    def get(self, customer_id):
        session = request_session()
        customer = get_customer(session, customer_id)
        found = likely_duplicates(session, customer)
        by_id = queries.customers_by_id(session, [customer_id for customer_id, _ in found])
        return {"items": [{"customer": presenters.summary(by_id[i]), "reasons": reasons} for i, reasons in found]}
