"""The invoice's life: stored states, the legal moves between them, and what its money says about it.

Stored states are draft, sent, viewed, partial, paid and void. ``overdue`` is never stored: an
open invoice (sent, viewed or partial) whose due date has passed with money still owed *is*
overdue, so it turns overdue at midnight without anyone writing to it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.errors import Conflict

DRAFT, SENT, VIEWED, PARTIAL, PAID, OVERDUE, VOID = "draft", "sent", "viewed", "partial", "paid", "overdue", "void"
STATUSES = (DRAFT, SENT, VIEWED, PARTIAL, PAID, OVERDUE, VOID)
OPEN_STATUSES = (SENT, VIEWED, PARTIAL)      # issued and still owing: these count in the balance
ISSUED_STATUSES = (SENT, VIEWED, PARTIAL, PAID)  # these count as billed


@dataclass
class InvoiceMoney:
    """The money of one invoice as the rules see it (the ORM row carries the same names)."""

    status: str
    total_cents: int
    paid_cents: int       # payment money applied, net of refunds and moves to account credit
    credited_cents: int   # credit notes and account credit applied
    due_date: dt.date
    viewed: bool = False

    @property
    def balance_cents(self) -> int:
        if self.status == VOID:
            return 0  # a void invoice owes nothing, whatever its total was
        return self.total_cents - self.paid_cents - self.credited_cents


def effective_status(status: str, due_date: dt.date, balance_cents: int, today: dt.date) -> str:
    """What people see: an open invoice past its due date with money owed reads ``overdue``."""
    if status in OPEN_STATUSES and balance_cents > 0 and due_date < today:
        return OVERDUE
    return status


def falls_overdue_at(due_date: dt.date) -> dt.datetime:
    """The moment an open invoice still owing reads ``overdue``: the first UTC midnight after its due date."""
    return dt.datetime.combine(due_date + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone.utc)


def settled_status(invoice: InvoiceMoney) -> str:
    """The state an issued invoice is in after money moved on it."""
    if invoice.balance_cents < 0 or invoice.paid_cents < 0 or invoice.credited_cents < 0:
        raise ValueError("invoice money out of range")  # callers check first; this guards against drift
    if invoice.balance_cents == 0:
        return PAID
    if invoice.paid_cents + invoice.credited_cents > 0:
        return PARTIAL
    return VIEWED if invoice.viewed else SENT


def send(invoice: InvoiceMoney) -> str:
    if invoice.status != DRAFT:
        raise Conflict(f"Only a draft invoice can be sent; this one is {invoice.status}.")
    return PAID if invoice.total_cents == 0 else SENT


def mark_viewed(invoice: InvoiceMoney) -> str:
    """The customer opened it in the portal; only a sent invoice changes state, later states keep theirs."""
    if invoice.status in (DRAFT, VOID):
        raise Conflict(f"A {invoice.status} invoice cannot be viewed by the customer.")
    return VIEWED if invoice.status == SENT else invoice.status


def void(invoice: InvoiceMoney) -> str:
    if invoice.status == VOID:
        raise Conflict("This invoice is already void.")
    if invoice.paid_cents > 0:
        raise Conflict("Money is applied to this invoice; refund it or move it to account credit before voiding.")
    return VOID


def require_open(invoice: InvoiceMoney, what: str) -> None:
    """Money can only be applied to an issued invoice that still owes."""
    if invoice.status not in OPEN_STATUSES:
        raise Conflict(f"Cannot apply {what} to a {invoice.status} invoice.")


def require_editable(invoice: InvoiceMoney) -> None:
    if invoice.status != DRAFT:
        raise Conflict(f"Only a draft invoice can be changed; this one is {invoice.status}.")
