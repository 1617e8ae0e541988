"""What clients get back: the wire shape, written on purpose (never generated from tables)."""
from __future__ import annotations

from marshmallow import Schema, fields


class PhoneOut(Schema):
    number = fields.String(metadata={"description": "As entered."})
    e164 = fields.String(metadata={"description": "The number without its extension."})
    extension = fields.String(allow_none=True, metadata={"description": "The extension (\"x12\" gives \"12\")."})
    tel = fields.String(metadata={"description": "A tel: URI (RFC 3966) that dials the number and its extension."})
    label = fields.String(allow_none=True)


class ContactOut(Schema):
    id = fields.UUID()
    name = fields.String()
    role = fields.String(allow_none=True)
    is_primary = fields.Boolean()
    emails = fields.List(fields.String())
    phones = fields.List(fields.Nested(PhoneOut))


class EquipmentOut(Schema):
    id = fields.UUID()
    property_id = fields.UUID()
    kind = fields.String()
    make = fields.String(allow_none=True)
    model = fields.String(allow_none=True)
    serial = fields.String(allow_none=True)
    installed_on = fields.Date(allow_none=True)
    warranty_until = fields.Date(allow_none=True)
    notes = fields.String(allow_none=True)


class GeocodeOut(Schema):
    status = fields.String(metadata={"description": "geocoded, not_geocoded, not_found or failed"})
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    formatted_address = fields.String(allow_none=True)
    geocoded_at = fields.DateTime(allow_none=True)
    reason = fields.String(allow_none=True, metadata={"description": (
        "Why there is no location: not_configured (no Google Maps key), address_not_found, quota_exceeded, "
        "key_refused, request_refused or provider_unavailable; null when geocoded or never tried")})
    error = fields.String(allow_none=True, metadata={"description": "The reason in words."})


class PropertyOut(Schema):
    id = fields.UUID()
    is_primary = fields.Boolean()
    kind = fields.String()
    line1 = fields.String()
    line2 = fields.String(allow_none=True)
    city = fields.String()
    region = fields.String()
    postal_code = fields.String()
    country = fields.String()
    access_notes = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    geocode = fields.Nested(GeocodeOut)
    equipment = fields.List(fields.Nested(EquipmentOut))


class NoteOut(Schema):
    id = fields.UUID()
    body = fields.String(metadata={"description": "Markdown."})
    pinned = fields.Boolean()
    author = fields.String()
    communication_id = fields.UUID(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime(allow_none=True)


class DoNotServiceOut(Schema):
    flag = fields.Boolean()
    reason = fields.String(allow_none=True)


class CustomerSummaryOut(Schema):
    id = fields.UUID()
    number = fields.String()
    display_name = fields.String()
    company = fields.String(allow_none=True)
    kind = fields.String()
    status = fields.String()
    tags = fields.List(fields.String())
    do_not_service = fields.Nested(DoNotServiceOut)
    archived = fields.Boolean()
    merged_into = fields.UUID(allow_none=True)
    primary_email = fields.String(allow_none=True)
    primary_phone = fields.Nested(PhoneOut, allow_none=True)
    primary_address = fields.Dict(allow_none=True)
    last_contacted_at = fields.DateTime(allow_none=True)
    next_follow_up_at = fields.DateTime(allow_none=True)


class CustomerOut(CustomerSummaryOut):
    preferred_channel = fields.String(allow_none=True)
    lead_source = fields.String(allow_none=True)
    created_by = fields.String()
    created_at = fields.DateTime()
    archived_at = fields.DateTime(allow_none=True)
    revision = fields.Integer()
    contacts = fields.List(fields.Nested(ContactOut))
    properties = fields.List(fields.Nested(PropertyOut))
    pinned_notes = fields.List(fields.Nested(NoteOut))


class StatusChangeOut(Schema):
    id = fields.UUID()
    from_status = fields.String(allow_none=True, data_key="from")
    to_status = fields.String(data_key="to")
    automatic = fields.Boolean()
    changed_by = fields.String(allow_none=True)
    changed_at = fields.DateTime()
    cause = fields.String(allow_none=True)


class MergeOut(Schema):
    id = fields.UUID()
    target_id = fields.UUID()
    duplicate_id = fields.UUID()
    merged_by = fields.String()
    merged_at = fields.DateTime()
    moved = fields.Dict()
    undone_by = fields.String(allow_none=True)
    undone_at = fields.DateTime(allow_none=True)


class DuplicateOut(Schema):
    customer = fields.Nested(CustomerSummaryOut)
    reasons = fields.List(fields.String(), metadata={"description": "phone, email, name_and_address (same name and address), address (same address, "
                                 "another name); phone and email matches rank first"})


class DuplicatesOut(Schema):
    items = fields.List(fields.Nested(DuplicateOut))


class InviteOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    email = fields.String(allow_none=True, metadata={"description": "Where it was mailed; null when it went by text."})
    created_by = fields.String()
    created_at = fields.DateTime()
    expires_at = fields.DateTime()
    redeemed_at = fields.DateTime(allow_none=True)
    status = fields.String(metadata={"description": "pending, redeemed or expired"})


class RedeemOut(Schema):
    customer_id = fields.UUID()
    account_id = fields.UUID()
