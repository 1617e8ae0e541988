"""Wire shapes of estimates, maintenance plans and photos."""
from __future__ import annotations

from flask_smorest.fields import Upload
from marshmallow import ValidationError, fields, validate, validates
from werkzeug.datastructures import FileStorage

from chassis.messaging.event import utcnow
from chassis.schemas import Schema
from jobs.domain.estimates import effective_status
from jobs.service_layer.plans import next_visits
from jobs.entrypoints.http.schemas import Currency, LineItemIn, PropertyFields, QuotedWorkOut, override_field, when

FILENAME_MAX = 255  # the photos.filename column


class EstimateEditable(PropertyFields):
    title = fields.String(validate=validate.Length(min=1, max=200))
    description = fields.String(allow_none=True, validate=validate.Length(max=10_000))
    service_type = fields.String(allow_none=True, validate=validate.Length(max=100))
    line_items = fields.List(fields.Nested(LineItemIn), validate=validate.Length(max=200))
    valid_until = fields.Date(allow_none=True)


class EstimateIn(EstimateEditable):
    customer_id = fields.UUID(required=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    line_items = fields.List(fields.Nested(LineItemIn), load_default=list, validate=validate.Length(max=200))
    currency = Currency()
    do_not_service_override = override_field()


class EstimateStatusMove(Schema):
    # "approved" through /approve (which can make the job), "expired" only by time.
    to = fields.String(required=True, validate=validate.OneOf(("sent", "viewed", "declined")))
    at = when(metadata={"description": "When the move really happened (sent by hand last week): any past moment, "
                                       "not a future one; now when omitted."})


class JobWindowIn(Schema):
    """When the job made from an estimate is booked; without a start it opens as a draft."""

    scheduled_start = when(allow_none=True)
    scheduled_end = when(allow_none=True)


class ApproveIn(JobWindowIn):
    create_job = fields.Boolean(load_default=True)


class EstimateOut(QuotedWorkOut):
    status = fields.Function(lambda e: effective_status(e.status, e.valid_until, e.shown_on or utcnow().date()))
    valid_until = fields.Date(allow_none=True)
    job_id = fields.UUID(allow_none=True)
    created_at = fields.DateTime(format="iso")
    updated_at = fields.DateTime(format="iso")


class PlanEditable(PropertyFields):
    name = fields.String(validate=validate.Length(min=1, max=200))
    service_type = fields.String(allow_none=True, validate=validate.Length(max=100))
    price_per_visit_cents = fields.Integer(strict=True, validate=validate.Range(min=0, max=10**10))
    rrule = fields.String(validate=validate.Length(min=6, max=500))
    starts_at = when()
    visit_minutes = fields.Integer(strict=True, validate=validate.Range(min=5, max=24 * 60))


class PlanIn(PlanEditable):
    customer_id = fields.UUID(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    status = fields.String(load_default="assessment", validate=validate.OneOf(("assessment", "active")))
    price_per_visit_cents = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=10**10))
    currency = Currency()
    rrule = fields.String(required=True, validate=validate.Length(min=6, max=500))
    starts_at = when(required=True)
    visit_minutes = fields.Integer(load_default=60, strict=True, validate=validate.Range(min=5, max=24 * 60))
    do_not_service_override = override_field()


class PlanStatusMove(Schema):
    to = fields.String(required=True, validate=validate.OneOf(("active", "assessment", "paused", "cancelled")))
    do_not_service_override = override_field()


class PlanOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    property_id = fields.UUID(allow_none=True)
    property_address = fields.String(allow_none=True)
    name = fields.String()
    service_type = fields.String(allow_none=True)
    status = fields.String()
    price_per_visit_cents = fields.Integer()
    currency = fields.String()
    rrule = fields.String()
    starts_at = fields.DateTime(format="iso")
    visit_minutes = fields.Integer()
    next_visits = fields.Function(lambda plan: [visit.isoformat() for visit in (
        next_visits(plan, utcnow()) if plan.shown_visits is None else plan.shown_visits)])
    created_at = fields.DateTime(format="iso")


class PhotoUpload(Schema):
    """A multipart body: the image as the file field ``file``, and an optional caption."""

    file = Upload(required=True)
    caption = fields.String(load_default=None, validate=validate.Length(max=500))

    @validates("file")
    def _a_file_named_plainly(self, upload, **_):
        if not isinstance(upload, FileStorage):
            raise ValidationError("Send the image as a file, not as text.")
        name = upload.filename or ""
        if len(name) > FILENAME_MAX:
            raise ValidationError(f"The file name may be at most {FILENAME_MAX} characters.")
        if any(ord(character) < 32 or character == "\x7f" for character in name):
            raise ValidationError("The file name may not contain control characters.")


class PhotoOut(Schema):
    id = fields.UUID()
    customer_id = fields.UUID()
    job_id = fields.UUID(allow_none=True)
    job_number = fields.String(allow_none=True)
    job_title = fields.String(allow_none=True)
    caption = fields.String(allow_none=True)
    filename = fields.String(allow_none=True)
    content_type = fields.String()
    size_bytes = fields.Integer()
    width = fields.Integer()
    height = fields.Integer()
    uploaded_by = fields.String()
    uploaded_at = fields.DateTime(format="iso")
    url = fields.String()
    thumbnail_url = fields.String()
