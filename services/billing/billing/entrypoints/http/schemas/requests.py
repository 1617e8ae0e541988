"""What the routes load: request bodies, query arguments and forms, checked as they are read."""
from __future__ import annotations

import re
from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates, validates_schema

from billing.domain.cards import PROCESSOR_TOKEN, is_processor_token
from billing.domain.invoice import STATUSES
from billing.domain.money import LineInput
from billing.domain.payment import METHODS
from billing.service_layer.commands import (AddPriceBookItem, ApplyCredit, ChangePriceBookItem, CreateInvoice,
                                            IssueCreditNote, KeepCard, PaymentAllocation, RecordPayment,
                                            RefundPayment, RequestPricingTable, RequestStatement, ReviseDraft)
from chassis.pagination import PageArgs
from chassis.schemas import CommandSchema, Schema


CURRENCY = fields.String(load_default="USD", validate=validate.Regexp(r"^[A-Z]{3}$"))


def cents(**kwargs):
    return fields.Integer(strict=True, validate=validate.Range(min=kwargs.pop("min", 0), max=10**12), **kwargs)


class DecimalText(fields.String):
    """An exact decimal, sent and answered as a JSON string ("1.5").

    What is multiplied with cents must be exactly what was typed; a JSON number goes through binary floating point
    in most clients' parsers, a string goes through none. Documented as ``type: string, format: decimal`` with the
    pattern it is held to (its bounds as ``x-minimum``/``x-maximum``: OpenAPI's own are for numbers only).
    """

    def __init__(self, *, digits: int, places: int, **kwargs):
        self.shape = re.compile(rf"^[0-9]{{1,{digits}}}(\.[0-9]{{1,{places}}})?$")
        self.places = places
        super().__init__(metadata={"format": "decimal", "pattern": self.shape.pattern}, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else str(value)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not self.shape.fullmatch(text):  # not match: "$" would let a final newline through
            raise ValidationError(f'A decimal written as a string, such as "1.5", with at most {self.places} decimals.')
        return Decimal(text)


class LineIn(CommandSchema):
    command = LineInput
    description = fields.String(required=True, validate=validate.Length(min=1, max=500))
    quantity = DecimalText(digits=7, places=2, load_default=Decimal(1),
                           validate=validate.Range(min=Decimal("0.01"), max=Decimal(1_000_000)))
    unit_price_cents = cents(required=True)
    tax_rate = DecimalText(digits=3, places=3, load_default=Decimal(0),
                           validate=validate.Range(min=Decimal(0), max=Decimal(100)))


class InvoiceIn(CommandSchema):
    command = CreateInvoice
    customer_id = fields.UUID(required=True)
    bill_to_customer_id = fields.UUID(load_default=None, metadata={
        "description": "Bill another customer: the service customer's bill-to parent (Related customers). The "
                       "invoice stays in the service customer's history; its money is in the bill-to customer's "
                       "balance."})
    job_id = fields.UUID(load_default=None)
    property_id = fields.UUID(load_default=None)
    issue_date = fields.Date(load_default=None)
    due_date = fields.Date(load_default=None)
    terms_days = fields.Integer(strict=True, load_default=30, validate=validate.Range(min=0, max=365))
    currency = CURRENCY
    notes = fields.String(load_default=None, validate=validate.Length(max=2000))
    lines = fields.List(fields.Nested(LineIn), required=True, validate=validate.Length(min=1, max=500))

    @validates_schema
    def _dates(self, data, **_):
        # Without an issue date the use case checks the due date against the day it issues the invoice on.
        if data.get("issue_date") and data.get("due_date") and data["due_date"] < data["issue_date"]:
            raise ValidationError("The due date cannot be before the issue date.", "due_date")


class InvoiceChanges(CommandSchema):
    """A draft's editable parts; any subset."""

    command = ReviseDraft
    job_id = fields.UUID(allow_none=True)
    property_id = fields.UUID(allow_none=True)
    issue_date = fields.Date()
    due_date = fields.Date()
    notes = fields.String(allow_none=True, validate=validate.Length(max=2000))
    lines = fields.List(fields.Nested(LineIn), validate=validate.Length(min=1, max=500))


class InvoiceListArgs(PageArgs):
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    job_id = fields.UUID(load_default=None, metadata={"description": "Only the invoices naming this job."})


class ApplyCreditIn(CommandSchema):
    command = ApplyCredit
    amount_cents = cents(min=1, load_default=None)


class AllocationIn(CommandSchema):
    command = PaymentAllocation
    invoice_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)


class PaymentIn(CommandSchema):
    command = RecordPayment
    customer_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)
    currency = CURRENCY
    method = fields.String(required=True, validate=validate.OneOf(METHODS))
    reference = fields.String(load_default=None, validate=validate.Length(max=100))
    received_at = fields.AwareDateTime()  # not sent: received as the request is made
    allocations = fields.List(fields.Nested(AllocationIn), load_default=None, validate=validate.Length(max=200))


class CreditNoteIn(CommandSchema):
    command = IssueCreditNote
    customer_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)
    currency = CURRENCY
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    invoice_id = fields.UUID(load_default=None)


class RefundIn(CommandSchema):
    command = RefundPayment
    payment_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)
    invoice_id = fields.UUID(load_default=None)
    destination = fields.String(load_default="customer", validate=validate.OneOf(("customer", "account_credit")))
    reason = fields.String(load_default=None, validate=validate.Length(max=500))


class CardIn(CommandSchema):
    command = KeepCard
    processor_token = fields.String(required=True, validate=validate.Length(max=200),
                                    metadata={"pattern": PROCESSOR_TOKEN.pattern})
    brand = fields.String(required=True, validate=validate.OneOf(("visa", "mastercard", "amex", "discover", "other")))
    last4 = fields.String(required=True, validate=validate.Regexp(r"^\d{4}$"))
    exp_month = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=12))
    exp_year = fields.Integer(strict=True, required=True, validate=validate.Range(min=2000, max=2100))

    @validates("processor_token")
    def _of_the_processors_shape(self, token, **_):
        if not is_processor_token(token):
            raise ValidationError("Not a token of the card processor: tok_, pm_, card_ or src_, then letters and "
                                  "digits (never a card number).")


class StatementArgs(Schema):
    as_of = fields.Date(load_default=None)


class StatementIn(CommandSchema):
    command = RequestStatement
    as_of = fields.Date(load_default=None)
    email = fields.Email(load_default=None)


# Property kinds are the customers service's words (residential, commercial, …): any short lower-case word.
PROPERTY_KIND = re.compile(r"^[a-z][a-z_]{0,19}$")
TAX_RATE = {"digits": 3, "places": 3, "validate": validate.Range(min=Decimal(0), max=Decimal(100))}


class _KindPricesChecked(CommandSchema):
    @validates("kind_prices")
    def _kinds_are_words(self, value, **_):
        bad = [kind for kind in (value or {}) if not PROPERTY_KIND.fullmatch(kind)]
        if bad:
            raise ValidationError(f"Not a kind of property: {', '.join(sorted(bad))[:100]}.")
        if len(value or {}) > 20:
            raise ValidationError("At most 20 kinds of property.")


class PriceBookItemIn(_KindPricesChecked):
    command = AddPriceBookItem
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    description = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    currency = CURRENCY
    unit_price_cents = cents(required=True)
    kind_prices = fields.Dict(keys=fields.String(), values=cents(), load_default=dict,
                              metadata={"description": "A price per kind of property where it differs from the "
                                                       "standard one, e.g. {\"commercial\": 18900}."})
    tax_rate = DecimalText(load_default=Decimal(0), **TAX_RATE)


class PriceBookItemPatch(_KindPricesChecked):
    command = ChangePriceBookItem
    name = fields.String(validate=validate.Length(min=1, max=200))
    description = fields.String(allow_none=True, validate=validate.Length(max=2000))
    unit_price_cents = cents()
    kind_prices = fields.Dict(keys=fields.String(), values=cents())
    tax_rate = DecimalText(**TAX_RATE)


class PriceBookArgs(PageArgs):
    q = fields.String(load_default=None, validate=validate.Length(min=1, max=200),
                      metadata={"description": "Only items whose name contains this."})
    archived = fields.Boolean(load_default=False, metadata={"description": "List the archived items instead."})


class PricingTableSendIn(CommandSchema):
    command = RequestPricingTable
    email = fields.Email(load_default=None, metadata={"description": "Where to; null: the customer's primary email."})
