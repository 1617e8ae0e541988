"""Routes of the price book (/price-book) and of a customer's pricing table (/customers/<id>/pricing-table)."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView

from billing.adapters import queries
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import (PriceBookArgs, PriceBookItemIn, PriceBookItemPatch,
                                                       PricingTableSendIn)
from billing.entrypoints.http.schemas.responses import (PriceBookItemOut, PriceBookPage, PricingTableOut,
                                                        PricingTableSendOut)
from billing.service_layer import price_book
from billing.service_layer.commands import AddPriceBookItem, ChangePriceBookItem
from billing.service_layer.customers import visible_customer, writable_path_customer
from chassis.api import BINARY, Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.request_context import principal

blp = Blueprint("price_book", __name__, description="The account's price book and customers' pricing tables")
blp.before_request(refuse_card_data)


@blp.route("/price-book")
class PriceBook(MethodView):
    @require("billing:view")
    @blp.arguments(PriceBookArgs, location="query")
    @blp.response(200, PriceBookPage)
    def get(self, args):
        return queries.price_book_page(request_session(), q=args["q"], archived=args["archived"],
                                       limit=args["limit"], cursor=args["cursor"]).as_dict()

    @require("settings:edit")
    @blp.arguments(PriceBookItemIn)
    @blp.response(201, PriceBookItemOut)
    def post(self, body):
        return price_book.add_item(request_session(), AddPriceBookItem(**body))


@blp.route("/price-book/<uuid:item_id>")
class PriceBookEntry(MethodView):
    @require("billing:view")
    @blp.response(200, PriceBookItemOut)
    def get(self, item_id):
        return price_book.get_item(request_session(), item_id)

    @require("settings:edit")
    @blp.arguments(PriceBookItemPatch)
    @blp.response(200, PriceBookItemOut)
    def patch(self, body, item_id):
        return price_book.change_item(request_session(), item_id, ChangePriceBookItem(**body))

    @require("settings:edit")
    @blp.response(200, PriceBookItemOut, description="The item, archived: it no longer shows or prices anything.")
    def delete(self, item_id):
        return price_book.archive_item(request_session(), item_id)


@blp.route("/price-book/<uuid:item_id>/restore", methods=["POST"])
@require("settings:edit")
@blp.response(200, PriceBookItemOut, description="The archived item back in the price book (undoes a delete).")
def restore(item_id):
    return price_book.restore_item(request_session(), item_id)


@blp.route("/customers/<uuid:customer_id>/pricing-table")
@require("billing:view")
@blp.response(200, PricingTableOut)
def pricing_table(customer_id):
    session = request_session()
    visible_customer(session, customer_id)
    return price_book.customer_pricing_table(session, customer_id)


@blp.route("/customers/<uuid:customer_id>/pricing-table.pdf")
@require("billing:view")
@blp.response(200, BINARY, content_type="application/pdf", description="The customer's pricing table as a PDF.")
def pricing_table_pdf(customer_id):
    session = request_session()
    visible_customer(session, customer_id)
    return Response(price_book.render_pricing_table(session, customer_id), mimetype="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="pricing.pdf"'})


@blp.route("/customers/<uuid:customer_id>/pricing-table/send", methods=["POST"])
@require("billing:edit")
@blp.arguments(PricingTableSendIn)
@blp.response(202, PricingTableSendOut)
def send_pricing_table(body, customer_id):
    session = request_session()
    writable_path_customer(session, customer_id)
    caller = principal()
    return price_book.request_pricing_table(session, customer_id, email=body["email"], requested_by=caller.sub,
                                            requested_by_name=caller.display_name)
