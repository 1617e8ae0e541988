"""The plain rules: rounding, states, contributions, aging, card detection."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from billing.domain import aging, cards, invoice, summary
from billing.domain.money import LineInput, price_line, to_cents, total_of
from chassis.errors import Conflict

TODAY = dt.date(2026, 11, 23)


def test_half_up_rounding_per_line():
    assert to_cents(Decimal("0.5")) == 1 and to_cents(Decimal("1.49")) == 1 and to_cents(Decimal("2.5")) == 3
    lines = [price_line(LineInput("a", Decimal("1"), 1, Decimal("50"))) for _ in range(3)]
    assert total_of(lines).tax_cents == 3  # per line 0.5 → 1, never 1.5 → 2 on the sum
    with pytest.raises(ValueError):
        price_line(LineInput("a", Decimal("0"), 1, Decimal("0")))


def test_states_and_moves():
    draft = invoice.InvoiceMoney(invoice.DRAFT, 1000, 0, 0, TODAY)
    assert invoice.send(draft) == invoice.SENT
    sent = invoice.InvoiceMoney(invoice.SENT, 1000, 0, 0, TODAY)
    with pytest.raises(Conflict):
        invoice.send(sent)
    assert invoice.mark_viewed(sent) == invoice.VIEWED
    with pytest.raises(Conflict):
        invoice.void(invoice.InvoiceMoney(invoice.PARTIAL, 1000, 1, 0, TODAY))
    assert invoice.void(invoice.InvoiceMoney(invoice.PARTIAL, 1000, 0, 10, TODAY)) == invoice.VOID
    assert invoice.settled_status(invoice.InvoiceMoney(invoice.PARTIAL, 1000, 0, 0, TODAY, viewed=True)) == "viewed"
    assert invoice.effective_status("sent", TODAY - dt.timedelta(days=1), 5, TODAY) == "overdue"
    assert invoice.effective_status("sent", TODAY, 5, TODAY) == "sent"
    assert invoice.effective_status("partial", TODAY - dt.timedelta(days=1), 0, TODAY) == "partial"


def test_contributions():
    assert summary.of_invoice("draft", 1000, 0, 0) == summary.ZERO
    assert summary.of_invoice("partial", 1000, 300, 200).as_dict() == {
        "total_billed_cents": 1000, "total_paid_cents": 300, "balance_cents": 500, "credit_cents": 0,
        "lifetime_value_cents": 0, "open_invoice_count": 1, "lifetime_revenue_cents": 1000}
    assert summary.of_invoice("void", 1000, 0, 0) == summary.ZERO
    payment = summary.of_payment(1000, 600, 100)
    assert (payment.credit_cents, payment.lifetime_value_cents, payment.lifetime_revenue_cents) == (300, 900, -100)
    assert summary.of_credit_note(400, 100).lifetime_revenue_cents == -400


def test_aging_buckets():
    item = lambda days: aging.OpenItem("INV-1", TODAY, TODAY - dt.timedelta(days=days), 100, 100)  # noqa: E731
    assert [aging.bucket_of(item(d).due_date, TODAY) for d in (0, 1, 30, 31, 60, 61, 90, 91)] == [
        "current", "1-30", "1-30", "31-60", "31-60", "61-90", "61-90", "90+"]
    assert aging.age([item(0), item(95), item(95)], TODAY) == {"current": 100, "1-30": 0, "31-60": 0, "61-90": 0,
                                                               "90+": 200}


@pytest.mark.parametrize("text,found", [
    ("4242424242424242", True), ("4242 4242 4242 4242", True), ("378282246310005", True),
    ("4242424242424241", False), ("123456789012", False), ("ref 1e7b5d39-8a2c-4f61-9b4e-3c0d7f2a8e15", False),
])
def test_card_number_detection(text, found):
    assert cards.has_card_number(text) is found


def test_sensitive_fields_names_paths_only():
    assert cards.sensitive_fields({"a": {"CVV2": "1"}, "b": ["x", "5555555555554444"]}) == ["a.CVV2", "b.1"]
