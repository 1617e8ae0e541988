"""Invoices, payments, balances and statements into the read model (events of the billing service).

An invoice's open amount is worked out when read (total less the payments and credits applied to it,
plus refunds taken back off it), so payments, credits, refunds and invoice events may arrive in any order.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import (BalanceFact, InvoiceAdjustment, InvoiceFact, PaymentAllocation, PaymentFact,
                                   StatementFact)
from insights.adapters.rows import insert_once, locked
from insights.domain.ordering import earliest, is_newer, parse_date, parse_moment
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects


def _invoice(session: Session, event: Event, invoice_id: str, **values) -> InvoiceFact:
    data = event.data
    customer_row(session, event.account_id, data.get("customer_id") or values["customer_id"])
    defaults = {"account_id": event.account_id, "id": uuid.UUID(invoice_id), "issue_date": None, "due_date": None,
                "sent_at": None, "paid_at": None, "voided_at": None}
    return locked(session, InvoiceFact, {**defaults, **values})


@projects("invoice.created")
def _invoice_created(session: Session, event: Event) -> None:
    invoice = event.data["invoice"]
    sent_at = event.occurred_at if invoice["status"] != "draft" else None
    row = _invoice(session, event, invoice["id"], customer_id=uuid.UUID(invoice["customer_id"]),
                   number=invoice["number"], issue_date=parse_date(invoice["issue_date"]),
                   due_date=parse_date(invoice["due_date"]), total_cents=invoice["total_cents"],
                   currency=invoice["currency"], sent_at=sent_at)
    row.issue_date = parse_date(invoice["issue_date"])
    row.due_date = row.due_date or parse_date(invoice["due_date"])  # invoice.sent, if already here, is newer
    row.sent_at = earliest(row.sent_at, sent_at)


@projects("invoice.sent")
def _invoice_sent(session: Session, event: Event) -> None:
    data = event.data
    sent_at = parse_moment(data["sent_at"])
    row = _invoice(session, event, data["invoice_id"], customer_id=uuid.UUID(data["customer_id"]),
                   number=data["number"], due_date=parse_date(data["due_date"]), total_cents=data["total_cents"],
                   currency=data["currency"], sent_at=sent_at)
    if is_newer(sent_at, row.sent_at):  # a resend carries the terms as they are now
        row.due_date, row.total_cents = parse_date(data["due_date"]), data["total_cents"]
    row.sent_at = earliest(row.sent_at, sent_at)


@projects("invoice.paid", "invoice.voided")
def _invoice_closed(session: Session, event: Event) -> None:
    data = event.data
    field = "paid_at" if event.type == "invoice.paid" else "voided_at"
    moment = parse_moment(data[field])
    row = _invoice(session, event, data["invoice_id"], customer_id=uuid.UUID(data["customer_id"]),
                   number=data["number"], total_cents=data["total_cents"], currency=data["currency"],
                   **{field: moment})
    setattr(row, field, earliest(getattr(row, field), moment))


@projects("payment.recorded", versions=(1, 2))
def _payment_recorded(session: Session, event: Event) -> None:
    data = event.data
    customer_row(session, event.account_id, data["customer_id"])
    payment_id = uuid.UUID(data["payment_id"])
    insert_once(session, PaymentFact, {
        "account_id": event.account_id, "id": payment_id, "customer_id": uuid.UUID(data["customer_id"]),
        "amount_cents": data["amount_cents"], "currency": data["currency"], "method": data["method"],
        "received_at": parse_moment(data["received_at"])})
    for allocation in data["allocations"]:
        insert_once(session, PaymentAllocation, {
            "account_id": event.account_id, "payment_id": payment_id,
            "invoice_id": uuid.UUID(allocation["invoice_id"]), "amount_cents": allocation["amount_cents"]})


@projects("credit.applied")
def _credit_applied(session: Session, event: Event) -> None:
    data = event.data
    customer_row(session, event.account_id, data["customer_id"])
    for index, allocation in enumerate(data["allocations"]):
        # one event may apply the same source twice over time: each application is its own row, keyed by the event
        insert_once(session, InvoiceAdjustment, {
            "account_id": event.account_id, "id": uuid.uuid5(event.id, str(index)),
            "invoice_id": uuid.UUID(data["invoice_id"]), "amount_cents": allocation["amount_cents"]})


@projects("refund.issued")
def _refund_issued(session: Session, event: Event) -> None:
    data = event.data
    customer_row(session, event.account_id, data["customer_id"])
    if data["invoice_id"] is not None:  # money back off an invoice: it owes that again
        insert_once(session, InvoiceAdjustment, {
            "account_id": event.account_id, "id": uuid.UUID(data["refund_id"]),
            "invoice_id": uuid.UUID(data["invoice_id"]), "amount_cents": -data["amount_cents"]})


@projects("balance.changed")
def _balance_changed(session: Session, event: Event) -> None:
    data = event.data
    customer_row(session, event.account_id, data["customer_id"])
    figures = {key: data[key] for key in ("currency", "total_billed_cents", "total_paid_cents", "balance_cents",
                                          "overdue_cents", "lifetime_value_cents", "credit_cents",
                                          "open_invoice_count")}
    as_of = parse_moment(data["as_of"])
    row = locked(session, BalanceFact, {"account_id": event.account_id, "customer_id": uuid.UUID(data["customer_id"]),
                                        "as_of": as_of, **figures})
    if is_newer(as_of, row.as_of):
        row.as_of = as_of
        for key, value in figures.items():
            setattr(row, key, value)


@projects("statement.requested")
def _statement_requested(session: Session, event: Event) -> None:
    data = event.data
    customer_row(session, event.account_id, data["customer_id"])
    insert_once(session, StatementFact, {"account_id": event.account_id, "id": uuid.UUID(data["statement_id"]),
                                         "customer_id": uuid.UUID(data["customer_id"]),
                                         "requested_at": event.occurred_at})
