"""What the routes answer: the documents dumped, under the names the OpenAPI document gives them."""
from __future__ import annotations

from fieldwork_contracts.workspace_part import part_schema
from marshmallow import fields

from chassis.pagination import page_schema
from chassis.schemas import Schema
from jobs.domain.estimates import effective_status
from jobs.entrypoints.http.schemas.requests import LineItemIn, imported_from_field, source_number_field, technician_ids


class LineItemOut(LineItemIn):
    total_cents = fields.Integer()


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


class TechnicianOut(Schema):
    id = fields.UUID()
    name = fields.String()
    active = fields.Boolean()
    colour = fields.String()


class VisitOut(Schema):
    id = fields.UUID()
    job_id = fields.UUID()
    scheduled_start = fields.DateTime(format="iso")
    scheduled_end = fields.DateTime(format="iso", allow_none=True)
    status = fields.String()
    completed_at = fields.DateTime(format="iso", allow_none=True)
    technician_ids = fields.List(fields.UUID())
    technicians = fields.List(fields.String(), metadata={"description": "The technicians' names, in order."})
    notes = fields.String(allow_none=True)
    created_by = fields.String()
    created_at = fields.DateTime(format="iso")


class VisitsOut(Schema):
    items = fields.List(fields.Nested(VisitOut))


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


class EstimateOut(QuotedWorkOut):
    # The day the status is shown for is the route's (``estimates.shown_as_of``): a schema reads no clock.
    status = fields.Function(lambda e: effective_status(e.status, e.valid_until, e.shown_on))
    valid_until = fields.Date(allow_none=True)
    job_id = fields.UUID(allow_none=True)
    created_at = fields.DateTime(format="iso")
    updated_at = fields.DateTime(format="iso")


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
    # As of the route's moment (``plans.shown_as_of``): a schema reads no clock.
    next_visits = fields.Function(lambda plan: [visit.isoformat() for visit in plan.shown_visits])
    created_at = fields.DateTime(format="iso")


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


class ReviewOut(Schema):
    id = fields.UUID(required=True)
    job_id = fields.UUID(required=True)
    customer_id = fields.UUID(required=True)
    rating = fields.Integer(required=True)
    comment = fields.String(required=True, allow_none=True)
    created_at = fields.DateTime(format="iso", required=True)
    job_number = fields.String(required=True)
    job_title = fields.String(required=True)


class ReviewSummary(Schema):
    count = fields.Integer(required=True)
    average = fields.Float(required=True, allow_none=True,
                           metadata={"description": "The mean rating to one decimal; null when there is none."})


class ReviewsPage(page_schema(ReviewOut, name="ReviewPageItems")):
    """A page of a customer's reviews, newest first; the workspace's reviews section is its first page."""

    summary = fields.Nested(ReviewSummary, required=True, metadata={"description": "All of the customer's reviews."})


class JobToReview(Schema):
    id = fields.UUID(required=True)
    number = fields.String(required=True)
    title = fields.String(required=True)
    completed_at = fields.DateTime(format="iso", required=True)


class JobsToReview(Schema):
    items = fields.List(fields.Nested(JobToReview), required=True)


# One class per page shape, shared with the workspace part, so the API document names each shape once.
JobsPage = page_schema(JobBrief)
EstimatesPage = page_schema(EstimateOut)
PlansPage = page_schema(PlanOut)
PlanVisitsPage = page_schema(JobBrief, name="PlanVisitsPage")


class LatestPhotosOut(Schema):
    items = fields.List(fields.Nested(PhotoOut), metadata={"description": "The latest photos, newest first."})
    count = fields.Integer(metadata={"description": "How many photos the customer has."})


# The jobs service's share of the customer workspace: each section is the shape of the endpoint it stands for, so the
# gateway reads them alike.
JobsPart = part_schema("jobs", {
    "jobs": fields.Nested(JobsPage, required=True),
    "estimates": fields.Nested(EstimatesPage, required=True),
    "plans": fields.Nested(PlansPage, required=True),
    "recent_activity": fields.Nested(RecentActivityOut, required=True),
    "summary": fields.Nested(SummaryOut, required=True),
    "reviews": fields.Nested(ReviewsPage, required=True),
    "photos": fields.Nested(LatestPhotosOut, required=True),
})
