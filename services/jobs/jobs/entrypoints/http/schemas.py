"""Wire shapes shared by the jobs API: line items, status moves, history, list filters."""
from __future__ import annotations

import datetime as dt

from marshmallow import fields, validate

from chassis.pagination import PageArgs
from chassis.schemas import Schema

UTC = dt.timezone.utc
Currency = lambda: fields.String(load_default="USD", validate=validate.Regexp(r"^[A-Z]{3}$"))  # noqa: E731


def when(**kwargs) -> fields.AwareDateTime:
    """An input time; one without an offset is read as UTC."""
    return fields.AwareDateTime(format="iso", default_timezone=UTC, **kwargs)


class OverrideIn(Schema):
    """An explicit decision to work for a customer flagged do-not-service, with its own reason (kept in history)."""

    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))


def override_field():
    return fields.Nested(OverrideIn, metadata={
        "description": "Needed to open work for a customer flagged do-not-service (else 409 with the flag's reason)."})


class LineItemIn(Schema):
    description = fields.String(required=True, validate=validate.Length(min=1, max=300))
    quantity = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=100_000))
    unit_price_cents = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=10**10))


class LineItemOut(LineItemIn):
    total_cents = fields.Integer()


class PropertyFields(Schema):
    """The property is the customers service's; jobs keep its id and the address as it was when given."""

    property_id = fields.UUID(allow_none=True)
    property_address = fields.String(allow_none=True, validate=validate.Length(max=500))


class QuotedWorkOut(Schema):
    """What jobs and estimates both show: the work, where, and its price."""

    id = fields.UUID()
    number = fields.String()
    customer_id = fields.UUID()
    property_id = fields.UUID(allow_none=True)
    property_address = fields.String(allow_none=True)
    title = fields.String()
    description = fields.String(allow_none=True)
    service_type = fields.String(allow_none=True)
    line_items = fields.List(fields.Nested(LineItemOut))
    total_cents = fields.Integer()
    currency = fields.String()


class ChangeOut(Schema):
    id = fields.UUID()
    field = fields.String()
    old_value = fields.Raw(data_key="from")
    new_value = fields.Raw(data_key="to")
    changed_by = fields.String()
    changed_at = fields.DateTime(format="iso")


class HistoryOut(Schema):
    items = fields.List(fields.Nested(ChangeOut))


class StatusFilter(PageArgs):
    status = fields.String(load_default=None)


def status_filter(statuses) -> type[StatusFilter]:
    class Filter(StatusFilter):
        status = fields.String(load_default=None, validate=validate.OneOf(statuses))
    return Filter
