"""Line items and totals, in integer cents only."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LineItem:
    """A line of quoted work as it is asked for: what, how many whole units, at what unit price."""

    description: str
    quantity: int
    unit_price_cents: int

    @classmethod
    def of_record(cls, priced: Mapping) -> LineItem:
        """The line a job or an estimate keeps (priced, as ``price_line_items`` made it), asked for again."""
        return cls(priced["description"], priced["quantity"], priced["unit_price_cents"])


def price_line_items(items: Iterable[LineItem]) -> tuple[list[dict], int]:
    """Each item with its own total, and the grand total; quantities are whole units so no cent is ever rounded."""
    priced = []
    for item in items:
        quantity, unit_price = int(item.quantity), int(item.unit_price_cents)
        priced.append({"description": item.description, "quantity": quantity, "unit_price_cents": unit_price,
                       "total_cents": quantity * unit_price})
    return priced, sum(item["total_cents"] for item in priced)
