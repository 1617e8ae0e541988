"""Routes of /payments, /credit-notes and /refunds."""
from __future__ import annotations


from billing.adapters.orm import CreditNote, Refund
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import CreditNoteIn, PaymentIn, RefundIn
from billing.entrypoints.http.schemas.responses import CreditNoteOut, PaymentOut, RefundOut
from billing.service_layer import payments
from billing.service_layer.commands import IssueCreditNote, PaymentAllocation, RecordPayment, RefundPayment
from billing.service_layer.customers import writable_customer
from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.errors import NotFound

blp = Blueprint("payments", __name__, description="Payments, credit notes and refunds")
blp.before_request(refuse_card_data)


@blp.route("/payments", methods=["POST"])
@require("billing:edit")
@blp.arguments(PaymentIn)
@blp.response(201, PaymentOut)
def record_payment(body):
    session = request_session()
    writable_customer(session, body["customer_id"])
    allocations = body["allocations"]
    if allocations is not None:
        allocations = tuple(PaymentAllocation(**item) for item in allocations)
    return payments.record_payment(session, RecordPayment(**{**body, "allocations": allocations}))


@blp.route("/payments/<uuid:payment_id>")
@require("billing:view")
@blp.response(200, PaymentOut)
def get_payment(payment_id):
    return payments.get_payment(request_session(), payment_id)


@blp.route("/credit-notes", methods=["POST"])
@require("billing:edit")
@blp.arguments(CreditNoteIn)
@blp.response(201, CreditNoteOut)
def issue_credit_note(body):
    session = request_session()
    writable_customer(session, body["customer_id"])
    return payments.issue_credit_note(session, IssueCreditNote(**body))


@blp.route("/credit-notes/<uuid:note_id>")
@require("billing:view")
@blp.response(200, CreditNoteOut)
def get_credit_note(note_id):
    return request_session().get(CreditNote, note_id) or _missing("credit note")


@blp.route("/refunds", methods=["POST"])
@require("billing:edit")
@blp.arguments(RefundIn)
@blp.response(201, RefundOut)
def refund(body):
    return payments.refund(request_session(), RefundPayment(**body))


@blp.route("/refunds/<uuid:refund_id>")
@require("billing:view")
@blp.response(200, RefundOut)
def get_refund(refund_id):
    return request_session().get(Refund, refund_id) or _missing("refund")


def _missing(what: str):
    raise NotFound(f"No such {what}.")
