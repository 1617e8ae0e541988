"""The account's price book: what each service costs, by the kind of property it is done at.

An item has one standard price and, where the work costs more or less at some kinds of property (a commercial
building's door is not a house's), a price for that kind. The pricing table a customer is sent lists every
active item at each of the customer's properties, priced for that property's kind.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass


def price_at(standard_cents: int, kind_prices: dict[str, int], property_kind: str | None) -> int:
    """The price of an item at a property of ``property_kind``: its own price for that kind, else the standard."""
    if property_kind is not None and property_kind in kind_prices:
        return kind_prices[property_kind]
    return standard_cents


@dataclass(frozen=True)
class PricedPlace:
    """A column of the pricing table: one of the customer's properties (or, with none, "Standard price")."""

    property_id: uuid.UUID | None
    label: str
    kind: str | None


@dataclass(frozen=True)
class PricingRow:
    item_id: uuid.UUID
    name: str
    description: str | None
    prices_cents: list[int]  # one per place, in the table's order


@dataclass(frozen=True)
class PricingTable:
    currency: str
    places: list[PricedPlace]
    rows: list[PricingRow]


STANDARD = PricedPlace(None, "Standard price", None)


def pricing_table(items, places: list[PricedPlace], currency: str) -> PricingTable:
    """``items`` have ``id``, ``name``, ``description``, ``unit_price_cents`` and ``kind_prices``."""
    columns = places or [STANDARD]
    rows = [PricingRow(item.id, item.name, item.description,
                       [price_at(item.unit_price_cents, item.kind_prices, place.kind) for place in columns])
            for item in items]
    return PricingTable(currency, columns, rows)
