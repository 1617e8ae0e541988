"""The wire shapes of the price book and of a customer's pricing table."""
from __future__ import annotations

import re
from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates

from billing.entrypoints.http.schemas import CURRENCY, DecimalText, cents
from chassis.pagination import PageArgs, page_schema
from chassis.schemas import Schema

# Property kinds are the customers service's words (residential, commercial, …): any short lower-case word.
PROPERTY_KIND = re.compile(r"^[a-z][a-z_]{0,19}$")
TAX_RATE = {"digits": 3, "places": 3, "validate": validate.Range(min=Decimal(0), max=Decimal(100))}


class _KindPricesChecked(Schema):
    @validates("kind_prices")
    def _kinds_are_words(self, value, **_):
        bad = [kind for kind in (value or {}) if not PROPERTY_KIND.fullmatch(kind)]
        if bad:
            raise ValidationError(f"Not a kind of property: {', '.join(sorted(bad))[:100]}.")
        if len(value or {}) > 20:
            raise ValidationError("At most 20 kinds of property.")


class PriceBookItemIn(_KindPricesChecked):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    description = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    currency = CURRENCY
    unit_price_cents = cents(required=True)
    kind_prices = fields.Dict(keys=fields.String(), values=cents(), load_default=dict,
                              metadata={"description": "A price per kind of property where it differs from the "
                                                       "standard one, e.g. {\"commercial\": 18900}."})
    tax_rate = DecimalText(load_default=Decimal(0), **TAX_RATE)


class PriceBookItemPatch(_KindPricesChecked):
    name = fields.String(validate=validate.Length(min=1, max=200))
    description = fields.String(allow_none=True, validate=validate.Length(max=2000))
    unit_price_cents = cents()
    kind_prices = fields.Dict(keys=fields.String(), values=cents())
    tax_rate = DecimalText(**TAX_RATE)


class PriceBookItemOut(Schema):
    id = fields.UUID()
    name = fields.String()
    description = fields.String(allow_none=True)
    currency = fields.String()
    unit_price_cents = fields.Integer()
    kind_prices = fields.Dict(keys=fields.String(), values=fields.Integer())
    tax_rate = DecimalText(digits=3, places=3)
    archived = fields.Function(lambda item: item.archived_at is not None, metadata={"type": "boolean"})
    created_at = fields.DateTime()


class PriceBookArgs(PageArgs):
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=200),
                      metadata={"description": "Only items whose name contains this."})
    archived = fields.Boolean(load_default=False, metadata={"description": "List the archived items instead."})


PriceBookPage = page_schema(PriceBookItemOut, "PriceBookPage")


class PricedPlaceOut(Schema):
    property_id = fields.UUID(allow_none=True)
    label = fields.String()
    kind = fields.String(allow_none=True)


class PricingRowOut(Schema):
    item_id = fields.UUID()
    name = fields.String()
    description = fields.String(allow_none=True)
    prices_cents = fields.List(fields.Integer(), metadata={"description": "One per place, in the places' order."})


class PricingTableOut(Schema):
    currency = fields.String()
    places = fields.List(fields.Nested(PricedPlaceOut))
    rows = fields.List(fields.Nested(PricingRowOut))


class PricingTableSendIn(Schema):
    email = fields.Email(load_default=None, metadata={"description": "Where to; null: the customer's primary email."})


class PricingTableSendOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    email = fields.String(allow_none=True)
