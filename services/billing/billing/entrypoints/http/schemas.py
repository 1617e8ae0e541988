"""The wire shapes of billing's HTTP API, written on purpose (never generated from tables)."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from marshmallow import ValidationError, fields, validate, validates, validates_schema

from billing.domain.cards import PROCESSOR_TOKEN, card_expired, is_processor_token
from billing.domain.invoice import STATUSES
from billing.domain.payment import METHODS
from billing.domain.summary import MEANINGS as FIGURES
from fieldwork_contracts.activity import ActivityItemSchema
from chassis.pagination import PageArgs, page_schema
from chassis.schemas import Schema
from fieldwork_contracts.workspace_part import part_schema

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


class LineIn(Schema):
    description = fields.String(required=True, validate=validate.Length(min=1, max=500))
    quantity = DecimalText(digits=7, places=2, load_default=Decimal(1),
                           validate=validate.Range(min=Decimal("0.01"), max=Decimal(1_000_000)))
    unit_price_cents = cents(required=True)
    tax_rate = DecimalText(digits=3, places=3, load_default=Decimal(0),
                           validate=validate.Range(min=Decimal(0), max=Decimal(100)))


class InvoiceIn(Schema):
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
        issue = data.get("issue_date") or dt.date.today()
        if data.get("due_date") and data["due_date"] < issue:
            raise ValidationError("The due date cannot be before the issue date.", "due_date")


class InvoiceChanges(Schema):
    """A draft's editable parts; any subset."""

    job_id = fields.UUID(allow_none=True)
    property_id = fields.UUID(allow_none=True)
    issue_date = fields.Date()
    due_date = fields.Date()
    notes = fields.String(allow_none=True, validate=validate.Length(max=2000))
    lines = fields.List(fields.Nested(LineIn), validate=validate.Length(min=1, max=500))


class LineOut(Schema):
    description = fields.String()
    quantity = DecimalText(digits=7, places=2)
    unit_price_cents = fields.Integer()
    tax_rate = DecimalText(digits=3, places=3)
    amount_cents = fields.Integer()
    tax_cents = fields.Integer()


class InvoiceOut(Schema):
    id = fields.UUID()
    number = fields.String()
    customer_id = fields.UUID()
    bill_to_customer_id = fields.UUID(allow_none=True)
    job_id = fields.UUID(allow_none=True)
    property_id = fields.UUID(allow_none=True)
    status = fields.Function(lambda invoice, context=None: invoice.shown_status)
    issue_date = fields.Date()
    due_date = fields.Date()
    currency = fields.String()
    subtotal_cents = fields.Integer()
    tax_cents = fields.Integer()
    total_cents = fields.Integer()
    paid_cents = fields.Integer()
    credited_cents = fields.Integer()
    balance_cents = fields.Integer()
    notes = fields.String(allow_none=True)
    imported_from = fields.String(allow_none=True, metadata={
        "description": "The system a past invoice was imported from (\"Jobber\"); null for an invoice made here."})
    source_number = fields.String(allow_none=True, metadata={
        "description": "The imported invoice's number in the system it came from (it has one of ours too)."})
    created_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)
    viewed_at = fields.DateTime(allow_none=True)
    paid_at = fields.DateTime(allow_none=True)
    voided_at = fields.DateTime(allow_none=True)
    lines = fields.List(fields.Nested(LineOut))


# One class per page shape, shared by the list routes and the workspace part: the API document names each once.
InvoicePage = page_schema(InvoiceOut)
ActivityPage = page_schema(ActivityItemSchema, name="BillingActivityPage")


class InvoiceListArgs(PageArgs):
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    job_id = fields.UUID(load_default=None, metadata={"description": "Only the invoices naming this job."})


class ApplyCreditIn(Schema):
    amount_cents = cents(min=1, load_default=None)


class AllocationIn(Schema):
    invoice_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)


class PaymentIn(Schema):
    customer_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)
    currency = CURRENCY
    method = fields.String(required=True, validate=validate.OneOf(METHODS))
    reference = fields.String(load_default=None, validate=validate.Length(max=100))
    received_at = fields.AwareDateTime(load_default=lambda: dt.datetime.now(dt.timezone.utc))
    allocations = fields.List(fields.Nested(AllocationIn), load_default=None, validate=validate.Length(max=200))


class PaymentOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    amount_cents = fields.Integer()
    currency = fields.String()
    method = fields.String(metadata={"description": "card, cash, check or ach; imported for money paid in the system "
                                                    "a customer's past invoices were imported from."})
    reference = fields.String(allow_none=True)
    received_at = fields.DateTime()
    allocated_cents = fields.Integer()
    refunded_cents = fields.Integer()
    unallocated_cents = fields.Integer()


class CreditNoteIn(Schema):
    customer_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)
    currency = CURRENCY
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    invoice_id = fields.UUID(load_default=None)


class CreditNoteOut(Schema):
    id = fields.UUID()
    number = fields.String()
    customer_id = fields.UUID()
    amount_cents = fields.Integer()
    currency = fields.String()
    reason = fields.String()
    allocated_cents = fields.Integer()
    unallocated_cents = fields.Integer()
    created_at = fields.DateTime()


class RefundIn(Schema):
    payment_id = fields.UUID(required=True)
    amount_cents = cents(min=1, required=True)
    invoice_id = fields.UUID(load_default=None)
    destination = fields.String(load_default="customer", validate=validate.OneOf(("customer", "account_credit")))
    reason = fields.String(load_default=None, validate=validate.Length(max=500))


class RefundOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    payment_id = fields.UUID()
    invoice_id = fields.UUID(allow_none=True)
    amount_cents = fields.Integer()
    currency = fields.String()
    destination = fields.String()
    reason = fields.String(allow_none=True)
    created_at = fields.DateTime()


class SummaryOut(Schema):
    customer_id = fields.UUID()
    currency = fields.String()
    total_billed_cents = fields.Integer(metadata={"description": FIGURES["total_billed_cents"]})
    total_paid_cents = fields.Integer(metadata={"description": FIGURES["total_paid_cents"]})
    balance_cents = fields.Integer(metadata={"description": FIGURES["balance_cents"]})
    overdue_cents = fields.Integer(metadata={"description": FIGURES["overdue_cents"]})
    oldest_overdue_due_date = fields.Date(allow_none=True)
    lifetime_revenue_cents = fields.Integer(metadata={"description": FIGURES["lifetime_revenue_cents"]})
    lifetime_value_cents = fields.Integer(metadata={"description": FIGURES["lifetime_value_cents"]})
    open_invoice_count = fields.Integer()
    credit_cents = fields.Integer(metadata={"description": FIGURES["credit_cents"]})


class LedgerEntryOut(Schema):
    id = fields.UUID()
    position = fields.Integer()
    occurred_at = fields.DateTime()
    kind = fields.String()
    record_id = fields.UUID()
    description = fields.String()
    debit_cents = fields.Integer()
    credit_cents = fields.Integer()
    running_balance_cents = fields.Integer(metadata={"description": "What the customer owes; negative is credit."})
    currency = fields.String()


class CardIn(Schema):
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

    @validates_schema
    def _not_expired(self, data, **_):
        if card_expired(data["exp_month"], data["exp_year"], today=dt.datetime.now(dt.UTC).date()):
            raise ValidationError("The card has expired.", "exp_year")


class CardOut(Schema):
    customer_id = fields.UUID()
    brand = fields.String()
    last4 = fields.String()
    exp_month = fields.Integer()
    exp_year = fields.Integer()
    updated_at = fields.DateTime()


class StatementArgs(Schema):
    as_of = fields.Date(load_default=None)


class StatementIn(Schema):
    as_of = fields.Date(load_default=None)
    email = fields.Email(load_default=None)


class StatementOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    as_of = fields.Date()
    email = fields.String(allow_none=True)


WorkspacePart = part_schema("billing", {"invoices": fields.Nested(InvoicePage, required=True),
                                        "summary": fields.Nested(SummaryOut, required=True),
                                        "card_on_file": fields.Nested(CardOut, required=True, allow_none=True)})
