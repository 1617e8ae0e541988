"""Exactly one primary among a customer's contacts, and among its properties."""
from __future__ import annotations

from chassis.errors import ValidationFailed


def make_primary(items, chosen) -> None:
    for item in items:
        item.is_primary = item is chosen


def keep_one_primary(items) -> None:
    """After an add or a removal: the first item becomes primary when none is."""
    if items and not any(item.is_primary for item in items):
        items[0].is_primary = True


def refuse_unsetting_primary(item, wanted: bool | None) -> None:
    if wanted is False and item.is_primary:
        raise ValidationFailed({"is_primary": ["Make another one primary instead; one must stay primary."]})
