"""Invoice arithmetic in integer cents, with one rounding rule.

The rule: each line's amount is ``quantity × unit price`` and its tax is ``amount × rate``, each
rounded to the cent half-up (0.5 cent rounds away from zero) *per line*; the invoice's subtotal,
tax and total are plain sums of those cents. Rounding per line means every figure printed on an
invoice adds up exactly, which is what customers check.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

HUNDRED = Decimal(100)


def to_cents(value: Decimal) -> int:
    """Rounds a fractional number of cents to whole cents, half-up."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class LineInput:
    description: str
    quantity: Decimal          # up to two decimals (1.5 hours)
    unit_price_cents: int
    tax_rate: Decimal          # percent, e.g. Decimal("8.25")


@dataclass(frozen=True)
class PricedLine:
    description: str
    quantity: Decimal
    unit_price_cents: int
    tax_rate: Decimal
    amount_cents: int
    tax_cents: int


@dataclass(frozen=True)
class InvoiceTotals:
    subtotal_cents: int
    tax_cents: int
    total_cents: int


def price_line(line: LineInput) -> PricedLine:
    if line.quantity <= 0 or line.unit_price_cents < 0 or not (0 <= line.tax_rate <= 100):
        raise ValueError("quantity must be positive, price and tax rate not negative")
    amount = to_cents(line.quantity * line.unit_price_cents)
    tax = to_cents(amount * line.tax_rate / HUNDRED)
    return PricedLine(line.description, line.quantity, line.unit_price_cents, line.tax_rate, amount, tax)


def total_of(lines: Iterable[PricedLine]) -> InvoiceTotals:
    lines = list(lines)
    subtotal = sum(line.amount_cents for line in lines)
    tax = sum(line.tax_cents for line in lines)
    return InvoiceTotals(subtotal, tax, subtotal + tax)
