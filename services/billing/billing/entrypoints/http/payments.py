"""Routes of /payments, /credit-notes and /refunds."""
from __future__ import annotations

from billing.adapters import queries
from billing.entrypoints.http.guard import refuse_card_data
from billing.entrypoints.http.schemas.requests import CreditNoteIn, PaymentIn, RefundIn
from billing.entrypoints.http.schemas.responses import CreditNoteOut, PaymentOut, RefundOut
from billing.service_layer import payments
from billing.service_layer.commands import IssueCreditNote, RecordPayment, RefundPayment
from chassis.api import Blueprint
from chassis.customer_directory import require_customer
from chassis.db import request_session
from chassis.request_context import callers_api, now

blp = Blueprint("payments", __name__, description="Payments, credit notes and refunds")
blp.before_request(refuse_card_data)


@blp.post("/payments", "billing:edit", body=PaymentIn, response=PaymentOut, status=201)
def record_payment(command: RecordPayment):
    session = request_session()
    require_customer(session, command.customer_id, callers_api("customers_api"))
    return payments.record_payment(session, command, now=now())


@blp.get("/payments/<uuid:payment_id>", "billing:view", response=PaymentOut)
def read_payment(payment_id):
    return queries.payment(request_session(), payment_id)


@blp.post("/credit-notes", "billing:edit", body=CreditNoteIn, response=CreditNoteOut, status=201)
def issue_credit_note(command: IssueCreditNote):
    session = request_session()
    require_customer(session, command.customer_id, callers_api("customers_api"))
    return payments.issue_credit_note(session, command, now=now())


@blp.get("/credit-notes/<uuid:note_id>", "billing:view", response=CreditNoteOut)
def read_credit_note(note_id):
    return queries.credit_note(request_session(), note_id)


@blp.post("/refunds", "billing:edit", body=RefundIn, response=RefundOut, status=201)
def refund_payment(command: RefundPayment):
    return payments.refund(request_session(), command, now=now())


@blp.get("/refunds/<uuid:refund_id>", "billing:view", response=RefundOut)
def read_refund(refund_id):
    return queries.refund(request_session(), refund_id)
