"""The words of the emails that carry a customer's documents: an invoice sent, an estimate to approve."""
from __future__ import annotations

import datetime as dt
from typing import Protocol


def money(cents: int, currency: str) -> str:
    """``684500, "USD"`` → ``$6,845.00``; other currencies keep their code (``6,845.00 EUR``)."""
    amount = f"{abs(cents) / 100:,.2f}"
    sign = "-" if cents < 0 else ""
    return f"{sign}${amount}" if currency == "USD" else f"{sign}{amount} {currency}"


def time_shown(at: dt.datetime) -> str:
    """A time as a customer reads it in an email, to the minute and saying its zone: ``1 March 2026 at 17:00 UTC``
    (the account's own time zone is not known to comms)."""
    at = at.astimezone(dt.timezone.utc)
    return f"{at.day} {at:%B %Y} at {at:%H:%M} UTC"


class InvoiceFigures(Protocol):
    """What the invoice email says of an invoice (``invoice.sent`` carries it)."""

    invoice_id: object
    number: str
    due_date: dt.date | None
    total_cents: int
    balance_cents: int
    currency: str


class EstimateFigures(Protocol):
    """What the estimate email says of an estimate (``estimate.status_changed`` carries it)."""

    estimate_id: object
    number: str
    total_cents: int
    currency: str


def invoice_email(invoice: InvoiceFigures, portal: str) -> tuple[str, str]:
    """Subject and body of the email that carries an invoice (its PDF attached)."""
    subject = f"Invoice {invoice.number}"
    due = f", due {invoice.due_date.isoformat()}" if invoice.due_date else ""
    body = (f"Hello,\n\nPlease find attached invoice {invoice.number} for "
            f"{money(invoice.total_cents, invoice.currency)}{due}. "
            f"The balance is {money(invoice.balance_cents, invoice.currency)}.\n\n"
            f"View and pay it in your customer portal:\n{portal}/portal/invoices/{invoice.invoice_id}\n")
    return subject, body


def estimate_email(estimate: EstimateFigures, portal: str) -> tuple[str, str]:
    """Subject and body of the email that asks the customer to approve or decline an estimate."""
    link = f"{portal}/portal/estimates/{estimate.estimate_id}"
    subject = f"Estimate {estimate.number}"
    total = money(estimate.total_cents, estimate.currency)
    body = (f"Hello,\n\nPlease find attached estimate {estimate.number} for {total}.\n\n"
            f"Approve it:\n{link}?decision=approve\n\nDecline it:\n{link}?decision=decline\n\n"
            f"Or open it in your customer portal:\n{link}\n")
    return subject, body
