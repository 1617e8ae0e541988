"""What the routes answer: the documents dumped, under the names the OpenAPI document gives them."""
from __future__ import annotations

from marshmallow import fields

from chassis.schemas import Schema
from insights.domain.thresholds import BOUNDS
from insights.entrypoints.http.schemas.requests import THRESHOLD_MEANINGS


class OpenAISettingsOut(Schema):
    configured = fields.Boolean()
    model = fields.String(allow_none=True)
    api_key_last4 = fields.String(allow_none=True)
    updated_at = fields.DateTime(allow_none=True)
    updated_by = fields.String(allow_none=True)


ThresholdsOut = Schema.from_dict({name: fields.Integer(required=True,
                                                      metadata={"description": THRESHOLD_MEANINGS[name]})
                                  for name in BOUNDS}, name="ThresholdsOut")


class OpenAICheckOut(Schema):
    ok = fields.Boolean(required=True)
    model = fields.String(required=True)
    reason = fields.String(allow_none=True, metadata={"description": (
        "why not: key_refused, model_not_found, timeout, error, invalid_answer, key_unreadable")})
    message = fields.String(required=True)
    checked_at = fields.DateTime(required=True)


class LinkOut(Schema):
    kind = fields.String()
    id = fields.String()
    href = fields.String()


class CardOut(Schema):
    kind = fields.String()
    title = fields.String()
    reason = fields.String()
    action = fields.String()
    link = fields.Nested(LinkOut)
    facts = fields.List(fields.String())


class InsightsOut(Schema):
    customer_id = fields.UUID()
    as_of = fields.DateTime()
    cards = fields.List(fields.Nested(CardOut))
    facts = fields.Dict(metadata={"description": "the read model's figures, as sent to the model: no contact details"})
    ai = fields.Dict(metadata={"description": "status ok | unavailable | not_configured, and what goes with it"})
