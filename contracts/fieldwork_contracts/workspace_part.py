"""The workspace part: each service answers its share of a customer's workspace in one call.

The gateway composes the customer workspace from one call per service, never one per section: every HTTP
request costs CPU on top of its queries, and the workspace's cost is the sum of its calls. So each service offers

    GET /customers/<id>/workspace-part?limit=10&activity_limit=20

guarded by that service's view permission, answering 404 for a customer that is not the caller's, and holding
under fixed keys the first pages of its lists (``limit`` items each), its figures for the header, and under
``activity`` the first page of its part of the timeline, exactly as its
``GET /customers/<id>/activity?limit=<activity_limit>`` would answer it. ``chassis.stored_parts`` keeps answers.
"""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from fieldwork_contracts.activity import ActivityItemSchema

PATH = "/customers/<uuid:customer_id>/workspace-part"
ACTIVITY = "activity"
FIRST_PAGE = 10
TIMELINE_PAGE = 20
MAX_LIMIT = 100  # the largest page any list answers (chassis.pagination keeps the same cap; a chassis test checks)


class PartArgs(Schema):
    """The query string of every service's workspace part."""

    limit = fields.Integer(load_default=FIRST_PAGE, validate=validate.Range(min=1, max=MAX_LIMIT))
    activity_limit = fields.Integer(load_default=TIMELINE_PAGE, validate=validate.Range(min=1, max=MAX_LIMIT))


def part_schema(service: str, sections: dict[str, fields.Field]) -> type[Schema]:
    """The response schema of a service's part: its own sections plus the first activity page (a chassis page:
    ``items`` and ``next_cursor``)."""
    page = Schema.from_dict({"items": fields.List(fields.Nested(ActivityItemSchema())),
                             "next_cursor": fields.String(allow_none=True)},
                            name=f"{service.title()}PartActivityPage")
    return Schema.from_dict({**sections, ACTIVITY: fields.Nested(page, required=True)},
                            name=f"{service.title()}WorkspacePart")
