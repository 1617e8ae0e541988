"""Line items and totals, in integer cents only."""
from __future__ import annotations

from collections.abc import Iterable, Mapping


def price_line_items(items: Iterable[Mapping]) -> tuple[list[dict], int]:
    """Each item with its own total, and the grand total; quantities are whole units so no cent is ever rounded."""
    priced = []
    for item in items:
        quantity, unit_price = int(item["quantity"]), int(item["unit_price_cents"])
        priced.append({"description": item["description"], "quantity": quantity, "unit_price_cents": unit_price,
                       "total_cents": quantity * unit_price})
    return priced, sum(item["total_cents"] for item in priced)
