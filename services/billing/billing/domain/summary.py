"""The customer's figures as a sum of what each record contributes.

Every change computes ``contribution(after) - contribution(before)`` for the records it touched and
adds it to the customer's summary row, so the row always equals the sum over all records (a full
recount gives the same numbers; merges use that) and a read costs one row.

Definitions:
- total billed: totals of issued invoices (sent, viewed, partial, paid); drafts and voids count 0.
- total paid: payment money applied to invoices.
- balance: what open invoices still owe.
- credit: payment money and credit notes not applied to any invoice (usable by later invoices).
- lifetime value: money received, net of refunds paid back out (cash).
- lifetime revenue: what was billed (issued invoices, drafts and voids count 0) less credit notes issued and
  refunds paid back out.
- open invoice count: issued invoices that still owe.
- ledger balance: what the ledger's running balance says, ``balance - credit``.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields

from billing.domain.invoice import ISSUED_STATUSES, OPEN_STATUSES

DEFAULT_CURRENCY = "USD"


@dataclass(frozen=True)
class Totals:
    total_billed_cents: int = 0
    total_paid_cents: int = 0
    balance_cents: int = 0
    credit_cents: int = 0
    lifetime_value_cents: int = 0
    open_invoice_count: int = 0
    lifetime_revenue_cents: int = 0

    def __add__(self, other: "Totals") -> "Totals":
        return Totals(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def __sub__(self, other: "Totals") -> "Totals":
        return Totals(*(getattr(self, f.name) - getattr(other, f.name) for f in fields(self)))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def ledger_balance_cents(self) -> int:
        return self.balance_cents - self.credit_cents


ZERO = Totals()

# What each figure means, in the words the API document gives them.
MEANINGS = {
    "total_billed_cents": "Totals of issued invoices (sent, viewed, partial, paid); drafts and voids count 0.",
    "total_paid_cents": "Payment money applied to invoices, net of refunds and moves to account credit.",
    "balance_cents": "What open invoices still owe; a void invoice owes nothing.",
    "overdue_cents": "The part of the balance on invoices past their due date.",
    "credit_cents": "Payments and credit notes not applied to any invoice, usable by later invoices.",
    "lifetime_revenue_cents": "Lifetime revenue: the total billed (void excluded) less credit notes issued and refunds "
                              "paid back to the customer.",
    "lifetime_value_cents": "Net cash received: every payment, less refunds paid back to the customer.",
}
FIELD_NAMES = tuple(f.name for f in fields(Totals))


def of_invoice(status: str, total_cents: int, paid_cents: int, credited_cents: int) -> Totals:
    if status not in ISSUED_STATUSES:
        return ZERO
    balance = total_cents - paid_cents - credited_cents
    is_open = status in OPEN_STATUSES and balance > 0
    return Totals(total_billed_cents=total_cents, total_paid_cents=paid_cents, balance_cents=balance,
                  open_invoice_count=1 if is_open else 0, lifetime_revenue_cents=total_cents)


def of_payment(amount_cents: int, allocated_cents: int, refunded_cents: int) -> Totals:
    return Totals(credit_cents=amount_cents - allocated_cents - refunded_cents,
                  lifetime_value_cents=amount_cents - refunded_cents, lifetime_revenue_cents=-refunded_cents)


def of_credit_note(amount_cents: int, allocated_cents: int) -> Totals:
    return Totals(credit_cents=amount_cents - allocated_cents, lifetime_revenue_cents=-amount_cents)


def summary_document(summary, customer_id: uuid.UUID, overdue_cents: int, oldest: dt.date | None,
                     as_of: dt.datetime) -> dict:
    """The customer's figures as the API and ``balance.changed`` tell them; ``summary`` (the summary row) None: no
    money change yet."""
    if summary is None:
        totals, currency = Totals(), DEFAULT_CURRENCY
    else:
        totals, currency = Totals(**{name: getattr(summary, name) for name in FIELD_NAMES}), summary.currency
    return {"customer_id": customer_id, "currency": currency, **totals.as_dict(), "overdue_cents": overdue_cents,
            "oldest_overdue_due_date": oldest, "as_of": as_of}
