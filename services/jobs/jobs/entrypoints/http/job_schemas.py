"""Wire shapes of jobs."""
from __future__ import annotations

from marshmallow import fields, validate

from chassis.schemas import Schema
from jobs.entrypoints.http.crew_schemas import technician_ids
from jobs.domain.lifecycle import JOB
from jobs.entrypoints.http.schemas import Currency, LineItemIn, PropertyFields, QuotedWorkOut, override_field, when


class JobEditable(PropertyFields):
    title = fields.String(validate=validate.Length(min=1, max=200))
    description = fields.String(allow_none=True, validate=validate.Length(max=10_000))
    service_type = fields.String(allow_none=True, validate=validate.Length(max=100))
    scheduled_start = when(allow_none=True)
    scheduled_end = when(allow_none=True)
    technician_ids = technician_ids()
    line_items = fields.List(fields.Nested(LineItemIn), validate=validate.Length(max=200))
    notes = fields.String(allow_none=True, validate=validate.Length(max=10_000))


class JobIn(JobEditable):
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


class JobStatusMove(Schema):
    to = fields.String(required=True, validate=validate.OneOf(JOB.statuses))
    at = when(metadata={"description": "When the move really happened (a job completed on site days ago): any "
                                       "past moment, not a future one; now when omitted."})


class JobOut(QuotedWorkOut):
    status = fields.String()
    scheduled_start = fields.DateTime(format="iso", allow_none=True)
    scheduled_end = fields.DateTime(format="iso", allow_none=True)
    started_at = fields.DateTime(format="iso", allow_none=True)
    completed_at = fields.DateTime(format="iso", allow_none=True)
    cancelled_at = fields.DateTime(format="iso", allow_none=True)
    technician_ids = fields.List(fields.UUID())
    technicians = fields.List(fields.String(), metadata={"description": "The assigned technicians' names, in order."})
    notes = fields.String(allow_none=True)
    plan_id = fields.UUID(allow_none=True)
    estimate_id = fields.UUID(allow_none=True)
    created_by = fields.String()
    created_at = fields.DateTime(format="iso")
    updated_at = fields.DateTime(format="iso")
    imported_from = imported_from_field()
    source_number = source_number_field()


class JobBrief(Schema):
    """A job as customer views show it: what, where, when, which state."""

    id = fields.UUID()
    number = fields.String()
    title = fields.String()
    service_type = fields.String(allow_none=True)
    property_id = fields.UUID(allow_none=True)
    property_address = fields.String(allow_none=True)
    status = fields.String()
    scheduled_start = fields.DateTime(format="iso", allow_none=True)
    scheduled_end = fields.DateTime(format="iso", allow_none=True)
    completed_at = fields.DateTime(format="iso", allow_none=True)
    total_cents = fields.Integer()
    currency = fields.String()
    created_at = fields.DateTime(format="iso")
    imported_from = imported_from_field()
    source_number = source_number_field()


class SummaryOut(Schema):
    open_count = fields.Integer()
    last_completed = fields.Nested(JobBrief, allow_none=True)
    next_scheduled = fields.Nested(JobBrief, allow_none=True)


class RecentActivityOut(Schema):
    completed_recently = fields.List(fields.Nested(JobBrief))
    upcoming = fields.List(fields.Nested(JobBrief))
