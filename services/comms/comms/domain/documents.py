"""The words of the emails that carry a customer's documents: an invoice sent, an estimate to approve."""
from __future__ import annotations


def money(cents: int, currency: str) -> str:
    """``684500, "USD"`` → ``$6,845.00``; other currencies keep their code (``6,845.00 EUR``)."""
    amount = f"{abs(cents) / 100:,.2f}"
    sign = "-" if cents < 0 else ""
    return f"{sign}${amount}" if currency == "USD" else f"{sign}{amount} {currency}"


def invoice_email(data: dict, portal: str) -> tuple[str, str]:
    """Subject and body of the email that carries an invoice (its PDF attached)."""
    subject = f"Invoice {data['number']}"
    due = f", due {data['due_date']}" if data.get("due_date") else ""
    body = (f"Hello,\n\nPlease find attached invoice {data['number']} for "
            f"{money(data['total_cents'], data['currency'])}{due}. "
            f"The balance is {money(data['balance_cents'], data['currency'])}.\n\n"
            f"View and pay it in your customer portal:\n{portal}/portal/invoices/{data['invoice_id']}\n")
    return subject, body


def estimate_email(data: dict, portal: str) -> tuple[str, str]:
    """Subject and body of the email that asks the customer to approve or decline an estimate."""
    link = f"{portal}/portal/estimates/{data['estimate_id']}"
    subject = f"Estimate {data['number']}"
    total = money(data["total_cents"], data["currency"])
    body = (f"Hello,\n\nPlease find attached estimate {data['number']} for {total}.\n\n"
            f"Approve it:\n{link}?decision=approve\n\nDecline it:\n{link}?decision=decline\n\n"
            f"Or open it in your customer portal:\n{link}\n")
    return subject, body
