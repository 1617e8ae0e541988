"""Routes of /invoices: create, read, PDF, send, viewed, void, apply credit."""
from __future__ import annotations

from flask import Response

from billing.adapters import queries
from billing.adapters.pdf import invoice_pdf
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import ApplyCreditIn, InvoiceChanges, InvoiceIn
from billing.entrypoints.http.schemas.responses import InvoiceOut
from billing.service_layer import invoices
from billing.service_layer.bill_to import check_bill_to
from billing.service_layer.commands import ApplyCredit, CreateInvoice, ReviseDraft
from billing.service_layer.references import check_references
from billing.service_layer.statements import customer_name
from chassis.api import BINARY, Blueprint
from chassis.customer_directory import require_customer
from chassis.db import request_session
from chassis.request_context import callers_api, now

blp = Blueprint("invoices", __name__, url_prefix="/invoices", description="Invoices")
blp.before_request(refuse_card_data)


@blp.post("", "billing:edit", body=InvoiceIn, response=InvoiceOut, status=201)
def create_invoice(command: CreateInvoice):
    session = request_session()
    customers = callers_api("customers_api")
    require_customer(session, command.customer_id, customers)
    check_references(session, command, command.customer_id, customers=customers, jobs=callers_api("jobs_api"))
    check_bill_to(session, command.customer_id, command.bill_to_customer_id, customers=customers,
                  relations_api=callers_api("customer_relations_api"))
    return invoices.create_invoice(session, command, now=now())


@blp.get("/<uuid:invoice_id>", "billing:view", response=InvoiceOut)
def read_invoice(invoice_id):
    return queries.invoice(request_session(), invoice_id, now=now())


@blp.patch("/<uuid:invoice_id>", "billing:edit", body=InvoiceChanges, response=InvoiceOut)
def revise_draft(command: ReviseDraft, invoice_id):
    session, at = request_session(), now()
    check_references(session, command, queries.invoice(session, invoice_id, now=at).customer_id,
                     customers=callers_api("customers_api"), jobs=callers_api("jobs_api"))
    return invoices.revise_draft(session, invoice_id, command, now=at)


@blp.get("/<uuid:invoice_id>/pdf", "billing:view", response=BINARY, content_type="application/pdf",
         description="The invoice as a PDF.")
def invoice_as_pdf(invoice_id):
    invoice = queries.invoice(request_session(), invoice_id, now=now())
    body = invoice_pdf(invoice, customer_name(request_session(), invoice.customer_id))
    return Response(body, mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{invoice.number}.pdf"'})


@blp.post("/<uuid:invoice_id>/send", "billing:edit", response=InvoiceOut)
def send(invoice_id):
    return invoices.send_invoice(request_session(), invoice_id, now=now())


@blp.post("/<uuid:invoice_id>/viewed", "billing:edit", response=InvoiceOut)
def viewed(invoice_id):
    """The customer portal reports that the customer opened the invoice."""
    return invoices.mark_viewed(request_session(), invoice_id, now=now())


@blp.post("/<uuid:invoice_id>/void", "billing:edit", response=InvoiceOut)
def void(invoice_id):
    return invoices.void_invoice(request_session(), invoice_id, now=now())


@blp.post("/<uuid:invoice_id>/apply-credit", "billing:edit", body=ApplyCreditIn, response=InvoiceOut)
def apply_credit(command: ApplyCredit, invoice_id):
    return invoices.apply_credit(request_session(), invoice_id, command, now=now())
