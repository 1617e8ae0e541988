"""Routes of the price book (/price-book) and of a customer's pricing table (/customers/<id>/pricing-table)."""
from __future__ import annotations

from flask import Response

from billing.adapters import queries
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import (PriceBookArgs, PriceBookItemIn, PriceBookItemPatch,
                                                       PricingTableSendIn)
from billing.entrypoints.http.schemas.responses import (PriceBookItemOut, PriceBookPage, PricingTableOut,
                                                        PricingTableSendOut)
from billing.service_layer import price_book
from billing.service_layer.commands import AddPriceBookItem, ChangePriceBookItem, RequestPricingTable
from billing.service_layer.customers import visible_then_writable_customer
from chassis.api import BINARY, Blueprint
from chassis.customer_directory import visible_customer
from chassis.db import request_session
from chassis.request_context import actor, callers_api, now, principal

blp = Blueprint("price_book", __name__, description="The account's price book and customers' pricing tables")
blp.before_request(refuse_card_data)


@blp.get("/price-book", "billing:view", query=PriceBookArgs, response=PriceBookPage)
def price_book_page(args):
    return queries.price_book_page(request_session(), q=args["q"], archived=args["archived"],
                                   limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.post("/price-book", "settings:edit", body=PriceBookItemIn, response=PriceBookItemOut, status=201)
def add_item(command: AddPriceBookItem):
    return price_book.add_item(request_session(), command, now=now())


@blp.get("/price-book/<uuid:item_id>", "billing:view", response=PriceBookItemOut)
def read_item(item_id):
    return queries.price_book_item(request_session(), item_id)


@blp.patch("/price-book/<uuid:item_id>", "settings:edit", body=PriceBookItemPatch, response=PriceBookItemOut)
def change_item(command: ChangePriceBookItem, item_id):
    return price_book.change_item(request_session(), item_id, command)


@blp.delete("/price-book/<uuid:item_id>", "settings:edit", response=PriceBookItemOut,
            description="The item, archived: it no longer shows or prices anything.")
def archive_item(item_id):
    return price_book.archive_item(request_session(), item_id, now=now())


@blp.post("/price-book/<uuid:item_id>/restore", "settings:edit", response=PriceBookItemOut,
          description="The archived item back in the price book (undoes a delete).")
def restore(item_id):
    return price_book.restore_item(request_session(), item_id)


@blp.get("/customers/<uuid:customer_id>/pricing-table", "billing:view", response=PricingTableOut)
def pricing_table(customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.customer_pricing_table(session, customer_id)


@blp.get("/customers/<uuid:customer_id>/pricing-table.pdf", "billing:view", response=BINARY,
         content_type="application/pdf", description="The customer's pricing table as a PDF.")
def pricing_table_pdf(customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return Response(price_book.render_pricing_table(session, customer_id), mimetype="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="pricing.pdf"'})


@blp.post("/customers/<uuid:customer_id>/pricing-table/send", "billing:edit", body=PricingTableSendIn,
          response=PricingTableSendOut, status=202)
def send_pricing_table(command: RequestPricingTable, customer_id):
    session = request_session()
    visible_then_writable_customer(session, customer_id, callers_api("customers_api"))
    return price_book.request_pricing_table(session, customer_id, command, now=now(), subject=principal().sub,
                                            by=actor())
