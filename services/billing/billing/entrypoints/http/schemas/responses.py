"""What the routes answer: the documents dumped, under the names the OpenAPI document gives them."""
from __future__ import annotations

from marshmallow import fields

from billing.domain.summary import MEANINGS as FIGURES
from billing.entrypoints.http.schemas.requests import DecimalText
from chassis.pagination import page_schema
from chassis.schemas import Schema
from fieldwork_contracts.activity import ActivityItemSchema
from fieldwork_contracts.workspace_part import part_schema


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


class CardOut(Schema):
    customer_id = fields.UUID()
    brand = fields.String()
    last4 = fields.String()
    exp_month = fields.Integer()
    exp_year = fields.Integer()
    updated_at = fields.DateTime()


class StatementOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    as_of = fields.Date()
    email = fields.String(allow_none=True)


WorkspacePart = part_schema("billing", {"invoices": fields.Nested(InvoicePage, required=True),
                                        "summary": fields.Nested(SummaryOut, required=True),
                                        "card_on_file": fields.Nested(CardOut, required=True, allow_none=True)})


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


class PricingTableSendOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    email = fields.String(allow_none=True)
