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
from chassis.db import request_session
from chassis.errors import NotFound
from chassis.request_context import callers_api

blp = Blueprint("payments", __name__, description="Payments, credit notes and refunds")
blp.before_request(refuse_card_data)


@blp.post("/payments", "billing:edit", body=PaymentIn, response=PaymentOut, status=201)
def record_payment(body):
    allocations = body["allocations"]
    if allocations is not None:
        allocations = tuple(PaymentAllocation(**item) for item in allocations)
    command = RecordPayment(**{**body, "allocations": allocations})
    session = request_session()
    writable_customer(session, command.customer_id, callers_api("customers_api"))
    return payments.record_payment(session, command)


@blp.get("/payments/<uuid:payment_id>", "billing:view", response=PaymentOut)
def read_payment(payment_id):
    return payments.get_payment(request_session(), payment_id)


@blp.post("/credit-notes", "billing:edit", body=CreditNoteIn, response=CreditNoteOut, status=201)
def issue_credit_note(body):
    command = IssueCreditNote(**body)
    session = request_session()
    writable_customer(session, command.customer_id, callers_api("customers_api"))
    return payments.issue_credit_note(session, command)


@blp.get("/credit-notes/<uuid:note_id>", "billing:view", response=CreditNoteOut)
def read_credit_note(note_id):
    return request_session().get(CreditNote, note_id) or _missing("credit note")


@blp.post("/refunds", "billing:edit", body=RefundIn, response=RefundOut, status=201)
def refund_payment(body):
    return payments.refund(request_session(), RefundPayment(**body))


@blp.get("/refunds/<uuid:refund_id>", "billing:view", response=RefundOut)
def read_refund(refund_id):
    return request_session().get(Refund, refund_id) or _missing("refund")


def _missing(what: str):
    raise NotFound(f"No such {what}.")
