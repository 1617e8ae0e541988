"""The customer's figures counted from scratch: what the summary row must always equal."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from billing.adapters.orm import CreditNote, Invoice, Payment
from billing.domain import summary


def recount(session: Session, customer_id: uuid.UUID) -> summary.Totals:
    total = summary.ZERO
    for row in session.execute(select(Invoice.status, Invoice.total_cents, Invoice.paid_cents, Invoice.credited_cents)
                               .where(Invoice.payer_id == customer_id)):
        total += summary.of_invoice(*row)
    for row in session.execute(select(Payment.amount_cents, Payment.allocated_cents, Payment.refunded_cents)
                               .where(Payment.customer_id == customer_id)):
        total += summary.of_payment(*row)
    for row in session.execute(select(CreditNote.amount_cents, CreditNote.allocated_cents)
                               .where(CreditNote.customer_id == customer_id)):
        total += summary.of_credit_note(*row)
    return total
