"""What the routes load: request bodies, query arguments and forms, checked as they are read."""
from __future__ import annotations

import datetime as dt

from flask_smorest.fields import Upload
from marshmallow import ValidationError, fields, validate, validates
from werkzeug.datastructures import FileStorage

from chassis.pagination import PageArgs
from chassis.schemas import CommandSchema, Schema
from jobs.domain.lifecycle import JOB
from jobs.domain.money import LineItem
from jobs.domain.reviews import RATINGS
from jobs.service_layer.commands import (AddTechnician, AddVisit, ApproveEstimate, EditJob, EditTechnician,
                                         MakeEstimateJob, MoveStatus, MovePlan, OpenJob, Override, QuoteEstimate,
                                         ReceiveReview, ReviseEstimate, RevisePlan, SetUpPlan)


UTC = dt.timezone.utc
Currency = lambda: fields.String(load_default="USD", validate=validate.Regexp(r"^[A-Z]{3}$"))  # noqa: E731


def when(**kwargs) -> fields.AwareDateTime:
    """An input time; one without an offset is read as UTC."""
    return fields.AwareDateTime(format="iso", default_timezone=UTC, **kwargs)


class OverrideIn(CommandSchema):
    """An explicit decision to work for a customer flagged do-not-service, with its own reason (kept in history)."""

    command = Override
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))


def override_field():
    return fields.Nested(OverrideIn, metadata={
        "description": "Needed to open work for a customer flagged do-not-service (else 409 with the flag's reason)."})


class LineItemIn(CommandSchema):
    command = LineItem
    description = fields.String(required=True, validate=validate.Length(min=1, max=300))
    quantity = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=100_000))
    unit_price_cents = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=10**10))


class PropertyFields(Schema):
    """The property is the customers service's; jobs keep its id and the address as it was when given."""

    property_id = fields.UUID(allow_none=True)
    property_address = fields.String(allow_none=True, validate=validate.Length(max=500))


class StatusFilter(PageArgs):
    status = fields.String(load_default=None)


def status_filter(statuses) -> type[StatusFilter]:
    class Filter(StatusFilter):
        status = fields.String(load_default=None, validate=validate.OneOf(statuses))
    return Filter


COLOUR = validate.Regexp(r"^#[0-9A-Fa-f]{6}$", error="A colour is #RRGGBB, e.g. #2F80ED.")


class TechnicianEditable(CommandSchema):
    command = EditTechnician
    name = fields.String(validate=validate.Length(min=1, max=100))
    active = fields.Boolean()
    colour = fields.String(validate=COLOUR)


class TechnicianIn(TechnicianEditable):
    command = AddTechnician
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    colour = fields.String(required=True, validate=COLOUR)


class TechnicianFilter(PageArgs):
    active = fields.Boolean(load_default=None, metadata={"description": "Only the active (or inactive) ones."})


def technician_ids():
    return fields.List(fields.UUID(), validate=validate.Length(max=20),
                       metadata={"description": "Technicians of the account (active ones), by id."})


class VisitIn(CommandSchema):
    command = AddVisit
    scheduled_start = when(required=True)
    scheduled_end = when(allow_none=True)
    technician_ids = technician_ids()
    notes = fields.String(allow_none=True, validate=validate.Length(max=10_000))


class VisitMove(CommandSchema):
    command = MoveStatus
    to = fields.String(required=True, validate=validate.OneOf(("completed", "cancelled")))
    happened_at = when(data_key="at", metadata={
        "description": "When the visit was really made: any past moment; now when omitted."})


class JobEditable(PropertyFields, CommandSchema):
    command = EditJob
    title = fields.String(validate=validate.Length(min=1, max=200))
    description = fields.String(allow_none=True, validate=validate.Length(max=10_000))
    service_type = fields.String(allow_none=True, validate=validate.Length(max=100))
    scheduled_start = when(allow_none=True)
    scheduled_end = when(allow_none=True)
    technician_ids = technician_ids()
    line_items = fields.List(fields.Nested(LineItemIn), validate=validate.Length(max=200))
    notes = fields.String(allow_none=True, validate=validate.Length(max=10_000))


class JobIn(JobEditable):
    command = OpenJob
    customer_id = fields.UUID(required=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    status = fields.String(validate=validate.OneOf(("draft", "scheduled")))
    currency = Currency()
    do_not_service_override = override_field()


# What marks a past job kept from another system's history (both null for a job made here), so a page can say
# "Imported from Jobber" beside it.
def imported_from_field():
    return fields.String(allow_none=True, metadata={
        "description": "The system the job was imported from (\"Jobber\"), or null for a job made here."})


def source_number_field():
    return fields.String(allow_none=True, metadata={
        "description": "The job's number in the system it was imported from, when it had one."})


class JobStatusMove(CommandSchema):
    command = MoveStatus
    to = fields.String(required=True, validate=validate.OneOf(JOB.statuses))
    happened_at = when(data_key="at", metadata={
        "description": "When the move really happened (a job completed on site days ago): any past moment, not a "
                       "future one; now when omitted."})


FILENAME_MAX = 255  # the photos.filename column


class EstimateEditable(PropertyFields, CommandSchema):
    command = ReviseEstimate
    title = fields.String(validate=validate.Length(min=1, max=200))
    description = fields.String(allow_none=True, validate=validate.Length(max=10_000))
    service_type = fields.String(allow_none=True, validate=validate.Length(max=100))
    line_items = fields.List(fields.Nested(LineItemIn), validate=validate.Length(max=200))
    valid_until = fields.Date(allow_none=True)


class EstimateIn(EstimateEditable):
    command = QuoteEstimate
    customer_id = fields.UUID(required=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    line_items = fields.List(fields.Nested(LineItemIn), load_default=list, validate=validate.Length(max=200))
    currency = Currency()
    do_not_service_override = override_field()


class EstimateStatusMove(CommandSchema):
    command = MoveStatus
    # "approved" through /approve (which can make the job), "expired" only by time.
    to = fields.String(required=True, validate=validate.OneOf(("sent", "viewed", "declined")))
    happened_at = when(data_key="at", metadata={
        "description": "When the move really happened (sent by hand last week): any past moment, not a future one; "
                       "now when omitted."})


class JobWindowIn(CommandSchema):
    """When the job made from an estimate is booked; without a start it opens as a draft."""

    command = MakeEstimateJob
    scheduled_start = when(allow_none=True)
    scheduled_end = when(allow_none=True)


class ApproveIn(JobWindowIn):
    command = ApproveEstimate
    create_job = fields.Boolean(load_default=True)


class PlanEditable(PropertyFields, CommandSchema):
    command = RevisePlan
    name = fields.String(validate=validate.Length(min=1, max=200))
    service_type = fields.String(allow_none=True, validate=validate.Length(max=100))
    price_per_visit_cents = fields.Integer(strict=True, validate=validate.Range(min=0, max=10**10))
    rrule = fields.String(validate=validate.Length(min=6, max=500))
    starts_at = when()
    visit_minutes = fields.Integer(strict=True, validate=validate.Range(min=5, max=24 * 60))


class PlanIn(PlanEditable):
    command = SetUpPlan
    customer_id = fields.UUID(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    status = fields.String(load_default="assessment", validate=validate.OneOf(("assessment", "active")))
    price_per_visit_cents = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=10**10))
    currency = Currency()
    rrule = fields.String(required=True, validate=validate.Length(min=6, max=500))
    starts_at = when(required=True)
    visit_minutes = fields.Integer(load_default=60, strict=True, validate=validate.Range(min=5, max=24 * 60))
    do_not_service_override = override_field()


class PlanStatusMove(CommandSchema):
    command = MovePlan
    to = fields.String(required=True, validate=validate.OneOf(("active", "assessment", "paused", "cancelled")))
    do_not_service_override = override_field()


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


class ReviewIn(CommandSchema):
    command = ReceiveReview
    rating = fields.Integer(required=True, validate=validate.Range(min=RATINGS.start, max=RATINGS.stop - 1),
                            metadata={"description": "1 (poor) to 5 (excellent), a whole number."})
    comment = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=2000))
