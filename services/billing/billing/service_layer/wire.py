"""The wire shape of every event billing publishes, built in this one place."""
from __future__ import annotations

from billing.adapters.orm import Invoice, Payment, Refund


def invoice_created(invoice: Invoice) -> dict:
    return {"invoice": {"id": invoice.id, "number": invoice.number, "customer_id": invoice.customer_id,
                        "job_id": invoice.job_id, "status": invoice.status, "issue_date": invoice.issue_date,
                        "due_date": invoice.due_date, "total_cents": invoice.total_cents,
                        "balance_cents": invoice.balance_cents, "currency": invoice.currency}}


def invoice_sent(invoice: Invoice) -> dict:
    return {"invoice_id": invoice.id, "number": invoice.number, "customer_id": invoice.customer_id,
            "bill_to_customer_id": invoice.bill_to_customer_id, "sent_at": invoice.sent_at,
            "due_date": invoice.due_date, "total_cents": invoice.total_cents,
            "balance_cents": invoice.balance_cents, "currency": invoice.currency}


def invoice_paid(invoice: Invoice) -> dict:
    return {"invoice_id": invoice.id, "number": invoice.number, "customer_id": invoice.customer_id,
            "paid_at": invoice.paid_at, "total_cents": invoice.total_cents, "currency": invoice.currency}


def invoice_voided(invoice: Invoice) -> dict:
    return {"invoice_id": invoice.id, "number": invoice.number, "customer_id": invoice.customer_id,
            "voided_at": invoice.voided_at, "total_cents": invoice.total_cents, "currency": invoice.currency}


def payment_recorded(payment: Payment, allocations: list[tuple], credit_cents: int) -> dict:
    return {"payment_id": payment.id, "customer_id": payment.customer_id, "amount_cents": payment.amount_cents,
            "currency": payment.currency, "method": payment.method, "received_at": payment.received_at,
            "allocations": [{"invoice_id": invoice_id, "amount_cents": amount} for invoice_id, amount in allocations],
            "credit_cents": credit_cents}


def credit_applied(invoice: Invoice, allocations: list[tuple[str, object, int]], applied_at) -> dict:
    """``allocations``: (source kind ``payment`` or ``credit_note``, its id, cents) applied to ``invoice``."""
    return {"invoice_id": invoice.id, "customer_id": invoice.customer_id, "currency": invoice.currency,
            "applied_at": applied_at,
            "allocations": [{"source": kind, "source_id": source_id, "amount_cents": amount}
                            for kind, source_id, amount in allocations]}


def refund_issued(refund: Refund) -> dict:
    return {"refund_id": refund.id, "payment_id": refund.payment_id, "customer_id": refund.customer_id,
            "invoice_id": refund.invoice_id, "amount_cents": refund.amount_cents, "currency": refund.currency,
            "destination": refund.destination, "refunded_at": refund.created_at}
