"""The timeline contract: each service lists its part of a customer's activity the same way.

Items are ordered by ``(occurred_at, id)`` newest first and paged with the chassis cursor over
that key. Because every service uses the same key, the gateway can pass one cursor (the key of
the last item it served) to all of them and merge their pages without gaps or repeats.
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
    link = fields.String(allow_none=True, metadata={"description": "Public API path of the record, e.g. /api/jobs/<id>"})


API_PREFIX = "/api"  # every public path is the gateway's /api + the service's own path (gateway/routes.py)


def api_link(path: str) -> str:
    """The public address of a service's own path: every link the API hands out resolves through the gateway."""
    return API_PREFIX + path


def activity_key(item) -> tuple:
    """The paging key of an item (an object or a dict with ``occurred_at`` and ``id``)."""
    if isinstance(item, dict):
        return item["occurred_at"], item["id"]
    return item.occurred_at, item.id
