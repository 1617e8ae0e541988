"""The visitor's documents: an invoice's PDF (opening it marks it viewed), an estimate approved or declined."""
from __future__ import annotations

import logging
import uuid

from flask import Response

from chassis.api import BINARY, PUBLIC
from chassis.errors import NotFound, Unavailable
from gateway import portal_sessions
from gateway.composition.portal_view import ESTIMATES_TO_APPROVE, customer_facing_estimate
from gateway.entrypoints.http.context import json_answer
from gateway.entrypoints.http.portal_access import (answered, blp, call, own_record, post_json, service_headers,
                                                    visitor)
from gateway.entrypoints.http.portal_shapes import PortalEstimate
from gateway.entrypoints.http.shapes import ESTIMATE, PORTAL_SECURITY

log = logging.getLogger(__name__)


def _own_issued_invoice(invoice_id: uuid.UUID, who, headers) -> dict:
    # The portal lists the invoices billed to the visitor for another customer's work too: they open them as well.
    invoice = own_record("billing", f"/invoices/{invoice_id}", who, headers, "invoice",
                         owners=("customer_id", "bill_to_customer_id"))
    if invoice.get("status") in ("draft", "void"):
        raise NotFound("No such invoice.")
    return invoice


# PUBLIC: authenticated by the portal session
@blp.get("/portal/invoices/<uuid:invoice_id>/pdf", PUBLIC, response=BINARY, content_type="application/pdf",
         description="The invoice as a PDF, when it is the "
         "visitor's own; opening it marks it viewed (the office sees the customer has read it).")
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="Not one of the visitor's issued invoices.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The billing service did not answer.")
def my_invoice_pdf(invoice_id: uuid.UUID):
    who = visitor()
    headers = service_headers(who)
    invoice = _own_issued_invoice(invoice_id, who, headers)
    pdf = call("billing", "GET", f"/invoices/{invoice_id}/pdf", {**headers, "Accept": "application/pdf"})
    if pdf.status != 200:
        raise Unavailable("The invoice PDF could not be made.")
    _mark_viewed(who, invoice_id)
    return Response(pdf.body, mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{invoice.get("number")}.pdf"'})


def _mark_viewed(who, invoice_id: uuid.UUID) -> None:
    # The customer has the PDF either way: a mark that fails is logged, never a reason to withhold the document.
    try:
        reply = call("billing", "POST", f"/invoices/{invoice_id}/viewed",
                     service_headers(who, portal_sessions.MARK_VIEWED_PERMISSIONS))
    except Unavailable:
        reply = None
    if reply is None or not reply.ok:
        log.warning("portal invoice not marked viewed", extra={"invoice_id": str(invoice_id),
                                                              "status": getattr(reply, "status", None)})


def _own_estimate_to_decide(estimate_id: uuid.UUID, who, headers) -> dict:
    estimate = own_record("jobs", f"/estimates/{estimate_id}", who, headers, "estimate awaiting approval")
    if estimate.get("status") not in ESTIMATES_TO_APPROVE:
        raise NotFound("No such estimate awaiting approval.")
    return estimate


# PUBLIC: authenticated by the portal session
@blp.post("/portal/estimates/<uuid:estimate_id>/approve", PUBLIC, response=ESTIMATE,
          description="The customer approves one of their own estimates awaiting approval.")
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="Not one of the visitor's estimates awaiting approval.")
@blp.alt_response(409, response="CONFLICT", description="The estimate can no longer be approved.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def approve_my_estimate(estimate_id: uuid.UUID):
    who = visitor()
    headers = service_headers(who, portal_sessions.APPROVE_PERMISSIONS)
    _own_estimate_to_decide(estimate_id, who, headers)
    approved = answered(post_json("jobs", f"/estimates/{estimate_id}/approve", headers, {"create_job": True}),
                        passed_on=(409,))
    return Response(approved.body, status=approved.status, mimetype="application/json")


# PUBLIC: authenticated by the portal session
@blp.post("/portal/estimates/<uuid:estimate_id>/decline", PUBLIC, response=PortalEstimate,
          description="The customer declines one of their own estimates awaiting approval.")
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="Not one of the visitor's estimates awaiting approval.")
@blp.alt_response(409, response="CONFLICT", description="The estimate can no longer be declined.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def decline_my_estimate(estimate_id: uuid.UUID):
    who = visitor()
    headers = service_headers(who, portal_sessions.APPROVE_PERMISSIONS)
    _own_estimate_to_decide(estimate_id, who, headers)
    declined = answered(post_json("jobs", f"/estimates/{estimate_id}/status", headers, {"to": "declined"}),
                        passed_on=(409,))
    return json_answer(customer_facing_estimate(declined.json()))
