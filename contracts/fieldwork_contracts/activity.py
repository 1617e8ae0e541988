"""The timeline item: each service lists its part of a customer's activity in this shape.

Items are ordered by ``(occurred_at, id)`` newest first and paged over that key, so the gateway can pass one
cursor to every service and merge their pages without gaps or repeats.
"""
from __future__ import annotations

from marshmallow import Schema, fields, validate

KINDS = ("job", "estimate", "plan", "invoice", "payment", "credit", "refund", "communication", "note", "photo",
         "customer", "review")


class ActivityItemSchema(Schema):
    id = fields.UUID(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    occurred_at = fields.DateTime(required=True, format="iso")
    title = fields.String(required=True)
    summary = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    amount_cents = fields.Integer(allow_none=True)
    currency = fields.String(allow_none=True)
    link = fields.String(allow_none=True,
                         metadata={"description": "Public API path of the record, e.g. /api/jobs/<id>"})
