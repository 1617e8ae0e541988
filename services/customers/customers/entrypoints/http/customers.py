"""Routes of the customer record: search and list, create, read, edit, status, tags, archive."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, adapter, now, principal
from customers.adapters import queries
from customers.adapters.search import Filters
from customers.entrypoints.http.schemas.requests import (CustomerIn, CustomerPatch, SearchArgs, StatusIn, TagIn,
                                                         patch_body)
from customers.entrypoints.http.schemas.responses import CustomerOut, CustomerSummaryOut, StatusChangePage
from customers.service_layer import customers as cases
from customers.service_layer import presenters
from customers.service_layer.commands import RemoveTag
from customers.service_layer.loading import customer_for_change, get_customer, profile

blp = Blueprint("customers", __name__, url_prefix="/customers", description="Customers")


def profile_of(customer_id) -> dict:
    """What `GET /customers/<id>` answers (also after a change)."""
    return presenters.profile(*profile(request_session(), customer_id))


@blp.get("", "customers:view", query=SearchArgs, response=page_schema(CustomerSummaryOut))
def list_customers(query):
    session = request_session()
    filters = Filters(query["include_archived"], query.get("status"), query.get("tag"), query.get("kind"))
    if query.get("q", "").strip():
        page = queries.search_customers(session, query["q"], filters, limit=query["limit"], cursor=query["cursor"],
                                        member=query.get("member"))
    else:
        page = queries.list_customers(session, filters, limit=query["limit"], cursor=query["cursor"],
                                      member=query.get("member"))
    return page.as_dict(presenters.summary)


@blp.post("", "customers:edit", body=CustomerIn, response=CustomerOut, status=201)
def create_customer(command):
    customer = cases.create_customer(request_session(), command, by=actor(), geocoder=adapter("geocoder"), now=now())
    return profile_of(customer.id)


@blp.get("/<uuid:customer_id>", "customers:view", response=CustomerOut)
def read_customer(customer_id):
    return profile_of(customer_id)


@blp.patch("/<uuid:customer_id>", "customers:edit", body=patch_body(CustomerPatch), response=CustomerOut)
def update_customer(command, customer_id):
    session = request_session()
    cases.update_customer(session, customer_for_change(session, customer_id), command)
    return profile_of(customer_id)


@blp.get("/<uuid:customer_id>/status", "customers:view", query=PageArgs, response=StatusChangePage)
def status_history(query, customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return queries.status_history(session, customer_id, limit=query["limit"], cursor=query["cursor"]).as_dict()


@blp.post("/<uuid:customer_id>/status", "customers:edit", body=StatusIn, response=CustomerOut)
def change_status(command, customer_id):
    session = request_session()
    customer = customer_for_change(session, customer_id)
    cases.change_status(session, customer, command, by=actor(), now=now(), user_id=principal().sub)
    return profile_of(customer_id)


@blp.post("/<uuid:customer_id>/tags", "customers:edit", body=TagIn, response=CustomerOut)
def add_tag(command, customer_id):
    session = request_session()
    customer = customer_for_change(session, customer_id)
    cases.add_tag(session, customer, command)
    return profile_of(customer.id)


@blp.delete("/<uuid:customer_id>/tags/<string:tag>", "customers:edit", response=CustomerOut)
def remove_tag(customer_id, tag):
    session = request_session()
    customer = customer_for_change(session, customer_id)
    cases.remove_tag(session, customer, RemoveTag(tag))
    return profile_of(customer.id)


@blp.post("/<uuid:customer_id>/archive", "customers:edit", response=CustomerOut)
def archive(customer_id):
    session = request_session()
    cases.archive(session, customer_for_change(session, customer_id), now=now())
    return profile_of(customer_id)


@blp.post("/<uuid:customer_id>/unarchive", "customers:edit", response=CustomerOut)
def unarchive(customer_id):
    session = request_session()
    cases.unarchive(session, customer_for_change(session, customer_id))
    return profile_of(customer_id)
