"""Routes under /customers/<id>: summary, invoices, ledger, activity, statements and the card on file."""
from __future__ import annotations

from flask import Response

from billing.adapters import queries
from billing.adapters.queries import day_of
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import CardIn, InvoiceListArgs, StatementArgs, StatementIn
from billing.entrypoints.http.schemas.responses import (ActivityPage, CardOut, InvoicePage, LedgerEntryOut,
                                                        StatementOut, SummaryOut)
from billing.service_layer import statements
from billing.service_layer.card_on_file import forget_card, keep_card
from billing.service_layer.commands import KeepCard, RequestStatement
from billing.service_layer.customers import visible_then_writable_customer
from chassis.api import BINARY, Blueprint
from chassis.customer_directory import visible_customer
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, callers_api, now, principal

blp = Blueprint("customer_billing", __name__, url_prefix="/customers/<uuid:customer_id>",
                description="A customer's billing")
blp.before_request(refuse_card_data)


@blp.get("/billing-summary", "billing:view", response=SummaryOut)
def billing_summary(customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.customer_summary(session, customer_id, now())


@blp.get("/invoices", "billing:view", query=InvoiceListArgs, response=InvoicePage)
def customer_invoices(args, customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.invoice_page(session, customer_id, status=args["status"], now=now(),
                                limit=args["limit"], cursor=args["cursor"], job_id=args["job_id"]).as_dict()


@blp.get("/ledger", "billing:view", query=PageArgs, response=page_schema(LedgerEntryOut))
def ledger(args, customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.ledger_page(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.get("/activity", "billing:view", query=PageArgs, response=ActivityPage)
def activity(args, customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.activity_page(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.get("/statement.pdf", "billing:view", query=StatementArgs, response=BINARY, content_type="application/pdf",
         description="The customer's statement as a PDF.")
def statement_pdf(args, customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    body = statements.render_statement(session, customer_id, args["as_of"] or day_of(now()))
    return Response(body, mimetype="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="statement.pdf"'})


@blp.post("/statements", "billing:edit", body=StatementIn, response=StatementOut, status=202)
def send_statement(command: RequestStatement, customer_id):
    session = request_session()
    visible_then_writable_customer(session, customer_id, callers_api("customers_api"))
    return statements.request_statement(session, customer_id, command, now=now(), subject=principal().sub,
                                        by=actor())


@blp.get("/card", "billing:view", response=CardOut)
def read_card(customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.card_on_file(session, customer_id)


@blp.put("/card", "billing:edit", body=CardIn, response=CardOut)
def keep_card_on_file(command: KeepCard, customer_id):
    session = request_session()
    visible_then_writable_customer(session, customer_id, callers_api("customers_api"))
    return keep_card(session, customer_id, command, now=now())


@blp.delete("/card", "billing:edit")
def forget_card_on_file(customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    forget_card(session, customer_id)
