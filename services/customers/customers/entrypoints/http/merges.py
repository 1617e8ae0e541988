"""Routes of merging: merge a duplicate in, undo a merge, and the likely duplicates of a customer."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.adapters.duplicates import likely_duplicates
from customers.entrypoints.http.schemas.requests import MergeIn
from customers.entrypoints.http.schemas.responses import DuplicatesOut, MergeOut
from customers.service_layer import merging, presenters
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("merges", __name__, description="Merging duplicates")


@blp.post("/customers/<uuid:customer_id>/merge", "customers:edit", body=MergeIn, response=MergeOut, status=201)
def merge_duplicate(command, customer_id):
    session = request_session()
    target = customer_for_change(session, customer_id)
    return merging.merge(session, target, command, by=actor(), now=now())


@blp.get("/customers/<uuid:customer_id>/merges", "customers:view", query=PageArgs, response=page_schema(MergeOut))
def merge_trail(query, customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return queries.merges_page(session, customer_id, limit=query["limit"], cursor=query["cursor"]).as_dict()


@blp.post("/merges/<uuid:merge_id>/undo", "customers:edit", response=MergeOut)
def undo_merge(merge_id):
    return merging.undo_merge(request_session(), merge_id, by=actor(), now=now())


@blp.get("/customers/<uuid:customer_id>/duplicates", "customers:view", response=DuplicatesOut)
def likely_duplicates_of(customer_id):
    session = request_session()
    customer = get_customer(session, customer_id)
    found = likely_duplicates(session, customer)
    by_id = queries.customers_by_id(session, [customer_id for customer_id, _ in found])
    return {"items": [{"customer": presenters.summary(by_id[i]), "reasons": reasons} for i, reasons in found]}
