"""Routes of /payments, /credit-notes and /refunds."""
from __future__ import annotations

from billing.adapters.orm import CreditNote, Refund
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import CreditNoteIn, PaymentIn, RefundIn
from billing.entrypoints.http.schemas.responses import CreditNoteOut, PaymentOut, RefundOut
from billing.service_layer import payments
from billing.service_layer.commands import IssueCreditNote, RecordPayment, RefundPayment
from billing.service_layer.customers import writable_customer
from chassis.api import Blueprint
from chassis.db import request_session
from chassis.errors import NotFound
from chassis.request_context import callers_api, now

blp = Blueprint("payments", __name__, description="Payments, credit notes and refunds")
blp.before_request(refuse_card_data)


@blp.post("/payments", "billing:edit", body=PaymentIn, response=PaymentOut, status=201)
def record_payment(command: RecordPayment):
    session = request_session()
    writable_customer(session, command.customer_id, callers_api("customers_api"))
    return payments.record_payment(session, command, now=now())


@blp.get("/payments/<uuid:payment_id>", "billing:view", response=PaymentOut)
def read_payment(payment_id):
    return payments.get_payment(request_session(), payment_id)


@blp.post("/credit-notes", "billing:edit", body=CreditNoteIn, response=CreditNoteOut, status=201)
def issue_credit_note(command: IssueCreditNote):
    session = request_session()
    writable_customer(session, command.customer_id, callers_api("customers_api"))
    return payments.issue_credit_note(session, command)


@blp.get("/credit-notes/<uuid:note_id>", "billing:view", response=CreditNoteOut)
def read_credit_note(note_id):
    return request_session().get(CreditNote, note_id) or _missing("credit note")


@blp.post("/refunds", "billing:edit", body=RefundIn, response=RefundOut, status=201)
def refund_payment(command: RefundPayment):
    return payments.refund(request_session(), command)


@blp.get("/refunds/<uuid:refund_id>", "billing:view", response=RefundOut)
def read_refund(refund_id):
    return request_session().get(Refund, refund_id) or _missing("refund")


def _missing(what: str):
    raise NotFound(f"No such {what}.")
