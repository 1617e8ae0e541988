"""Refuses any billing request whose body carries a full card number or a security code (422, never logged)."""
from __future__ import annotations

from flask import request

from billing.domain.cards import sensitive_fields
from chassis.errors import ValidationFailed

MESSAGE = "Card numbers and security codes are never accepted; send a processor token instead."


def refuse_card_data() -> None:
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    body = request.get_json(silent=True)
    if body is None:
        return
    found = sensitive_fields(body)
    if found:
        raise ValidationFailed({path: [MESSAGE] for path in found}, message=MESSAGE)
