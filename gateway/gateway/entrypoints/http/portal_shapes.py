"""The wire shapes of the client portal: what a customer sees and what they may send, field by field."""
from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import ValidationError, fields, validate, validates
from werkzeug.datastructures import FileStorage

from chassis.schemas import Schema
from gateway.composition.portal_view import NOT_PERMITTED, SECTION_PERMISSIONS
from gateway.entrypoints.http.shapes import OK, UNAVAILABLE, _status

FILENAME_MAX = 255  # what the jobs service keeps of a photo's file name
CAPTION_MAX = 300  # the jobs service keeps 500; a property's photo carries the address before it


class PortalAddress(Schema):
    id = fields.UUID()
    line1 = fields.String(allow_none=True)
    line2 = fields.String(allow_none=True)
    city = fields.String(allow_none=True)
    region = fields.String(allow_none=True)
    postal_code = fields.String(allow_none=True)
    country = fields.String(allow_none=True)


class PortalCustomer(Schema):
    name = fields.String(allow_none=True)
    company = fields.String(allow_none=True)
    properties = fields.List(fields.Nested(PortalAddress), required=True)


class PortalVisit(Schema):
    id = fields.UUID()
    number = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    service_type = fields.String(allow_none=True)
    property_address = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    scheduled_start = fields.DateTime(allow_none=True)
    scheduled_end = fields.DateTime(allow_none=True)


class PortalRecentVisit(Schema):
    id = fields.UUID()
    number = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    service_type = fields.String(allow_none=True)
    property_address = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    completed_at = fields.DateTime(allow_none=True)


class PortalEstimate(Schema):
    id = fields.UUID()
    number = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    description = fields.String(allow_none=True)
    property_address = fields.String(allow_none=True)
    line_items = fields.List(fields.Dict(), allow_none=True)
    total_cents = fields.Integer(allow_none=True)
    currency = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    valid_until = fields.Date(allow_none=True)


class PortalInvoice(Schema):
    id = fields.UUID()
    number = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    issue_date = fields.Date(allow_none=True)
    due_date = fields.Date(allow_none=True)
    currency = fields.String(allow_none=True)
    total_cents = fields.Integer(allow_none=True)
    paid_cents = fields.Integer(allow_none=True)
    balance_cents = fields.Integer(allow_none=True)
    pdf = fields.String(required=True, metadata={"description": "Where the customer downloads it."})


class PortalJobToReview(Schema):
    id = fields.UUID()
    number = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    completed_at = fields.DateTime(allow_none=True)


def _portal_section(name: str, item: type[Schema], **more) -> type[Schema]:
    return Schema.from_dict({
        "status": _status(OK, UNAVAILABLE, NOT_PERMITTED, description=f"not_permitted: view as client by a user "
                          f"without {SECTION_PERMISSIONS[name]}"),
        "items": fields.List(fields.Nested(item), metadata={"description": "When ok."}),
        "permission": fields.String(metadata={"description": "The permission that shows it (when not_permitted)."}),
        **more,
    }, name="Portal" + "".join(word.title() for word in name.split("_")))


class PortalView(Schema):
    """What the customer sees in the portal (and staff with "view as client", as far as their permissions go)."""

    customer = fields.Nested(PortalCustomer, required=True)
    upcoming_visits = fields.Nested(_portal_section("upcoming_visits", PortalVisit), required=True)
    recent_visits = fields.Nested(_portal_section("recent_visits", PortalRecentVisit), required=True,
                                  metadata={"description": "Visits completed in the last 30 days."})
    estimates_to_approve = fields.Nested(_portal_section("estimates_to_approve", PortalEstimate), required=True)
    invoices = fields.Nested(_portal_section("invoices", PortalInvoice, balance_cents=fields.Integer(
        metadata={"description": "What the invoices shown still owe (when ok)."})), required=True)
    jobs_to_review = fields.Nested(_portal_section("jobs_to_review", PortalJobToReview), required=True,
                                   metadata={"description": "Completed jobs the customer has not reviewed yet."})


class PortalSession(Schema):
    session = fields.String(required=True, metadata={"description": "Bearer token of the portal (also a cookie)."})
    expires_at = fields.Integer(required=True, metadata={"description": "Unix time the session ends."})
    customer_id = fields.UUID(required=True)


class ServiceRequestIn(Schema):
    """The customer asks for work: it becomes a draft job the office schedules."""

    property_id = fields.UUID(load_default=None, allow_none=True,
                              metadata={"description": "Which of the customer's properties (none: the primary one)."})
    title = fields.String(required=True, validate=validate.Length(min=1, max=200),
                          metadata={"description": "What needs doing, in a few words."})
    description = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=5000))


class ServiceRequestOut(Schema):
    id = fields.UUID(required=True)
    number = fields.String(required=True)
    title = fields.String(required=True)
    description = fields.String(allow_none=True)
    property_address = fields.String(allow_none=True)
    status = fields.String(required=True)


class PortalPhotoUpload(Schema):
    """A multipart body: the image as the file field ``file``, and an optional caption."""

    file = Upload(required=True)
    caption = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=CAPTION_MAX))

    @validates("file")
    def _a_file_named_plainly(self, upload, **_):
        if not isinstance(upload, FileStorage):
            raise ValidationError("Send the image as a file, not as text.")
        name = upload.filename or ""
        if len(name) > FILENAME_MAX:
            raise ValidationError(f"The file name may be at most {FILENAME_MAX} characters.")
        if any(ord(character) < 32 or character == "\x7f" for character in name):
            raise ValidationError("The file name may not contain control characters.")


class PortalPhotoOut(Schema):
    id = fields.UUID(required=True)
    job_id = fields.UUID(allow_none=True)
    caption = fields.String(allow_none=True)
    filename = fields.String(allow_none=True)
    uploaded_at = fields.DateTime(required=True)


class ReviewIn(Schema):
    rating = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=5),
                            metadata={"description": "1 (poor) to 5 (excellent)."})
    comment = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class ReviewOut(Schema):
    id = fields.UUID(required=True)
    job_id = fields.UUID(required=True)
    rating = fields.Integer(required=True)
    comment = fields.String(allow_none=True)
    created_at = fields.DateTime(required=True)
    job_number = fields.String(allow_none=True)
    job_title = fields.String(allow_none=True)
