"""What the routes answer: the documents dumped, under the names the OpenAPI document gives them."""
from __future__ import annotations

from fieldwork_contracts.workspace_part import part_schema
from marshmallow import fields

from chassis.pagination import page_schema
from chassis.schemas import Schema


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
    reasons = fields.List(fields.String(), metadata={
        "description": "phone, email, name_and_address (same name and address), address (same address, another "
                       "name); phone and email matches rank first"})


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


# One class per page shape: the route and the workspace section that both answer it name the same schema.
StatusChangePage = page_schema(StatusChangeOut)
InvitePage = page_schema(InviteOut)


class RedeemOut(Schema):
    customer_id = fields.UUID()
    account_id = fields.UUID()


class ImportRowOut(Schema):
    row_number = fields.Integer()
    outcome = fields.String(metadata={"description": "created, matched or skipped"})
    customer_id = fields.UUID(allow_none=True)
    matched_by = fields.String(allow_none=True, metadata={
        "description": "previous import, number, phone, email or earlier row"})
    reason = fields.String(allow_none=True)


class ImportRowPage(Schema):
    items = fields.List(fields.Nested(ImportRowOut))
    next_after = fields.Integer(allow_none=True, metadata={"description": "Pass as `after` for the next page."})


class PreviewAddress(Schema):
    line1 = fields.String()
    line2 = fields.String(allow_none=True)
    city = fields.String()
    region = fields.String()
    postal_code = fields.String()
    country = fields.String()


class PreviewRow(Schema):
    row_number = fields.Integer()
    display_name = fields.String()
    company = fields.String(allow_none=True)
    kind = fields.String()
    emails = fields.List(fields.String())
    phones = fields.List(fields.String())
    address = fields.Nested(PreviewAddress, allow_none=True)
    tags = fields.List(fields.String())
    archived = fields.Dict(keys=fields.String(), values=fields.String(),
                           metadata={"description": "The columns mapped to nothing, kept as archived data."})


class ImportOut(Schema):
    id = fields.UUID()
    kind = fields.String(metadata={"description": "customers, or history (past jobs and invoices)"})
    filename = fields.String()
    layout = fields.String()
    status = fields.String(metadata={"description": "ready (dry run done), running, done, failed (a batch failed "
                                                    "again and again: POST …/retry once the cause is fixed)"})
    total_rows = fields.Integer()
    rows_done = fields.Integer()
    rows_created = fields.Integer()
    rows_matched = fields.Integer()
    rows_failed = fields.Integer()
    seconds_left = fields.Integer(allow_none=True, metadata={"description": "Estimated, while running."})
    attempts = fields.Integer(metadata={"description": "Failed tries of the batch at the position reached."})
    error = fields.String(allow_none=True, metadata={"description": "Why the last try failed (the rows and the kind "
                                                                    "of error), until a batch succeeds."})
    created_by = fields.String()
    created_at = fields.DateTime(format="iso")
    started_at = fields.DateTime(format="iso", allow_none=True)
    finished_at = fields.DateTime(format="iso", allow_none=True)


class PastJobPreview(Schema):
    source_number = fields.String(allow_none=True)
    title = fields.String()
    description = fields.String(allow_none=True)
    completed_on = fields.Date()
    technician = fields.String(allow_none=True)


class PastInvoicePreview(Schema):
    source_number = fields.String(allow_none=True)
    issued_on = fields.Date()
    due_on = fields.Date(allow_none=True)
    currency = fields.String()
    total_cents = fields.Integer()
    paid_cents = fields.Integer()
    voided = fields.Boolean()
    description = fields.String()


class HistoryPreviewRow(Schema):
    row_number = fields.Integer()
    customer = fields.String(metadata={"description": "How the row names its customer (\"customer id 1042\")."})
    job = fields.Nested(PastJobPreview, allow_none=True)
    invoice = fields.Nested(PastInvoicePreview, allow_none=True)
    archived = fields.Dict(keys=fields.String(), values=fields.String(),
                           metadata={"description": "The columns mapped to nothing, kept on the customer's "
                                                    "Archived data."})


class DryRunOut(Schema):
    rows_checked = fields.Integer(metadata={"description": "The first rows, each reported on below."})
    would_create = fields.Integer()
    would_match = fields.Integer()
    would_skip = fields.Integer()
    mapping = fields.Dict(keys=fields.String(), values=fields.String())
    preview = fields.List(fields.Nested(PreviewRow), dump_default=list,
                          metadata={"description": "A customer import's first rows as they will be stored."})
    history_preview = fields.List(fields.Nested(HistoryPreviewRow), dump_default=list,
                                  metadata={"description": "A history import's first rows as they will be sent."})
    report = fields.List(fields.Nested(ImportRowOut))


class ImportCreatedOut(Schema):
    import_ = fields.Nested(ImportOut, data_key="import")
    dry_run = fields.Nested(DryRunOut)


class LayoutOut(Schema):
    name = fields.String()
    label = fields.String()
    columns = fields.Dict(keys=fields.String(), values=fields.String())


class LayoutsOut(Schema):
    layouts = fields.List(fields.Nested(LayoutOut))
    fields_ = fields.Dict(keys=fields.String(), values=fields.String(), data_key="fields")


class ArchivedFieldOut(Schema):
    name = fields.String()
    value = fields.String()


class ArchivedRecordOut(Schema):
    id = fields.UUID()
    source = fields.String(metadata={"description": "The system it was imported from."})
    import_id = fields.UUID(allow_none=True)
    imported_at = fields.DateTime(format="iso")
    fields_ = fields.List(fields.Nested(ArchivedFieldOut), data_key="fields")


class ArchivedOut(Schema):
    items = fields.List(fields.Nested(ArchivedRecordOut))


class ErasureOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    customer_number = fields.String()
    pseudonym = fields.String(metadata={"description": "What the customer is called from now on."})
    erased_by = fields.String()
    erased_at = fields.DateTime()


class RelatedCustomerOut(Schema):
    id = fields.UUID()
    number = fields.String()
    display_name = fields.String()
    archived = fields.Boolean()


class RelationOut(Schema):
    id = fields.UUID()
    kind = fields.String()
    role = fields.String(metadata={"description": "What the other customer is to this one, read from this end: "
                                                  "billed_to, bill_to_of, tenant_of, property_manager_of, "
                                                  "household_member."})
    label = fields.String(metadata={"description": "The role in words (\"Billed to\", \"Bill-to of\" …)."})
    customer = fields.Nested(RelatedCustomerOut)
    created_by = fields.String()
    created_at = fields.DateTime()


class RelationsOut(Schema):
    items = fields.List(fields.Nested(RelationOut))


class MembershipOut(Schema):
    plan_id = fields.UUID()
    name = fields.String()
    status = fields.String()
    since = fields.DateTime()
    next_visit_at = fields.DateTime(allow_none=True)
    renewal_date = fields.Date()


class MembershipsOut(Schema):
    member = fields.Boolean(metadata={"description": "Enrolled in an active maintenance plan."})
    current = fields.Nested(MembershipOut, allow_none=True, metadata={"description": "The active plan, newest first."})
    items = fields.List(fields.Nested(MembershipOut))


class MapsStatus(Schema):
    configured = fields.Boolean(required=True, metadata={"description": "addresses are geocoded through Google Maps"})
    api_key_last4 = fields.String(required=True, allow_none=True, metadata={
        "description": "the configured key's last four characters (null when none, or when set by a test)"})
    message = fields.String(required=True, allow_none=True, metadata={"description": "what is missing, when it is"})


# The customers part of the workspace: the profile and the sections beside it, each as its own endpoint shows it.
CustomersPart = part_schema("customers", {
    "profile": fields.Nested(CustomerOut, required=True),
    "related_customers": fields.Nested(RelationsOut, required=True),
    "membership": fields.Nested(MembershipsOut, required=True),
    "status_history": fields.Nested(StatusChangePage, required=True),
    "portal_invites": fields.Nested(InvitePage, required=True,
                                    metadata={"description": "The open (pending) invitations, newest first."}),
})
