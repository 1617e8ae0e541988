"""Routes of the customer record: search and list, create, read, edit, status, tags, archive."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.errors import NotFound, field_error
from chassis.pagination import Page, PageArgs, page_schema
from chassis.request_context import actor, adapter, now, principal
from customers.adapters import queries
from customers.adapters.search import Filters
from customers.entrypoints.http import presenters
from customers.entrypoints.http.schemas.requests import (CustomerIn, CustomerPatch, SearchArgs, StatusIn, TagIn,
                                                         patch_body)
from customers.entrypoints.http.schemas.responses import CustomerOut, CustomerSummaryOut, StatusChangePage
from customers.service_layer import customers as cases
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("customers", __name__, url_prefix="/customers", description="Customers")


def profile_of(customer_id) -> dict:
    """What `GET /customers/<id>` answers, in one statement; reading it is the visibility check (404)."""
    found = queries.load_profile(request_session(), customer_id)
    if found is None:
        raise NotFound("No such customer.")
    return presenters.profile(*found)


def show(customer) -> dict:
    """The profile after a change: flushed first, since the profile is read with SQL of its own."""
    request_session().flush()
    return profile_of(customer.id)


@blp.route("")
class Customers(MethodView):
    @require("customers:view")
    @blp.arguments(SearchArgs, location="query")
    @blp.response(200, page_schema(CustomerSummaryOut))
    def get(self, args):
        session = request_session()
        filters = Filters(args["include_archived"], args.get("status"), args.get("tag"), args.get("kind"))
        if args.get("q", "").strip():
            try:
                page = queries.search_customers(session, args["q"], filters, limit=args["limit"], cursor=args["cursor"])
            except (TypeError, ValueError):
                raise field_error("cursor", "Not a valid cursor for this search.") from None
            if args.get("member") is not None:  # a page of a search may come out shorter; its cursor still goes on
                members = queries.members_among(session, [c.id for c in page.items])
                page = Page([c for c in page.items if (c.id in members) == args["member"]], page.next_cursor)
        else:
            page = queries.list_customers(session, filters, limit=args["limit"], cursor=args["cursor"],
                                          member=args.get("member"))
        return page.as_dict(presenters.summary)

    @require("customers:edit")
    @blp.arguments(CustomerIn)
    @blp.response(201, CustomerOut)
    def post(self, command):
        customer = cases.create_customer(request_session(), command, by=actor(), geocoder=adapter("geocoder"),
                                         now=now())
        return show(customer)


@blp.route("/<uuid:customer_id>")
class CustomerById(MethodView):
    @require("customers:view")
    @blp.response(200, CustomerOut)
    def get(self, customer_id):
        return profile_of(customer_id)

    @require("customers:edit")
    @blp.arguments(patch_body(CustomerPatch))
    @blp.response(200, CustomerOut)
    def patch(self, command, customer_id):
        session = request_session()
        return show(cases.update_customer(session, customer_for_change(session, customer_id), command))


@blp.route("/<uuid:customer_id>/status")
class Status(MethodView):
    @require("customers:view")
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, StatusChangePage)
    def get(self, args, customer_id):
        session = request_session()
        get_customer(session, customer_id)
        return queries.status_history(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()

    @require("customers:edit")
    @blp.arguments(StatusIn)
    @blp.response(200, CustomerOut)
    def post(self, body, customer_id):
        session = request_session()
        customer = customer_for_change(session, customer_id)
        return show(cases.change_status(session, customer, body["to"], by=actor(), now=now(),
                                        reason=body.get("reason"), user_id=principal().sub))


@blp.route("/<uuid:customer_id>/tags")
class Tags(MethodView):
    @require("customers:edit")
    @blp.arguments(TagIn)
    @blp.response(200, CustomerOut)
    def post(self, body, customer_id):
        session = request_session()
        customer = customer_for_change(session, customer_id)
        cases.add_tag(session, customer, body["tag"])
        return show(customer)


@blp.route("/<uuid:customer_id>/tags/<string:tag>")
class TagByName(MethodView):
    @require("customers:edit")
    @blp.response(200, CustomerOut)
    def delete(self, customer_id, tag):
        session = request_session()
        customer = customer_for_change(session, customer_id)
        cases.remove_tag(session, customer, tag)
        return show(customer)


@blp.route("/<uuid:customer_id>/archive")
class Archive(MethodView):
    @require("customers:edit")
    @blp.response(200, CustomerOut)
    def post(self, customer_id):
        session = request_session()
        return show(cases.archive(session, customer_for_change(session, customer_id), now=now()))


@blp.route("/<uuid:customer_id>/unarchive")
class Unarchive(MethodView):
    @require("customers:edit")
    @blp.response(200, CustomerOut)
    def post(self, customer_id):
        session = request_session()
        return show(cases.unarchive(session, customer_for_change(session, customer_id)))
