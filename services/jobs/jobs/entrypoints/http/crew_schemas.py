"""Wire shapes of technicians and of a job's visits."""
from __future__ import annotations

from marshmallow import fields, validate

from chassis.pagination import PageArgs
from chassis.schemas import Schema
from jobs.entrypoints.http.schemas import when

COLOUR = validate.Regexp(r"^#[0-9A-Fa-f]{6}$", error="A colour is #RRGGBB, e.g. #2F80ED.")


class TechnicianEditable(Schema):
    name = fields.String(validate=validate.Length(min=1, max=100))
    active = fields.Boolean()
    colour = fields.String(validate=COLOUR)


class TechnicianIn(TechnicianEditable):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    colour = fields.String(required=True, validate=COLOUR)


class TechnicianOut(Schema):
    id = fields.UUID()
    name = fields.String()
    active = fields.Boolean()
    colour = fields.String()


class TechnicianFilter(PageArgs):
    active = fields.Boolean(load_default=None, metadata={"description": "Only the active (or inactive) ones."})


def technician_ids():
    return fields.List(fields.UUID(), validate=validate.Length(max=20),
                       metadata={"description": "Technicians of the account (active ones), by id."})


class VisitIn(Schema):
    scheduled_start = when(required=True)
    scheduled_end = when(allow_none=True)
    technician_ids = technician_ids()
    notes = fields.String(allow_none=True, validate=validate.Length(max=10_000))


class VisitMove(Schema):
    to = fields.String(required=True, validate=validate.OneOf(("completed", "cancelled")))
    at = when(metadata={"description": "When the visit was really made: any past moment; now when omitted."})


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
