"""The wire shapes of the answers the gateway composes itself, for its OpenAPI document and its answers alike.

A section's ``data`` is the service's answer passed on as it came; the public document
(``gateway.composition.openapi``) points each one at the schema the service itself documents for it.
"""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from fieldwork_contracts.activity import ActivityItemSchema
from gateway.composition.workspace import CUSTOMER_SECTIONS, SECTIONS, section_schema_name

OK, UNAVAILABLE, NOT_CONFIGURED = "ok", "unavailable", "not_configured"
SERVICE_SECTIONS = tuple(SECTIONS) + CUSTOMER_SECTIONS + ("insights",)


def _status(*allowed: str, description: str = "") -> fields.String:
    return fields.String(required=True, validate=validate.OneOf(allowed), metadata={"description": description})


def _service_section(section: str) -> type[Schema]:
    return Schema.from_dict({
        "status": _status(OK, UNAVAILABLE, NOT_CONFIGURED, description="ok: data is there; unavailable: the service "
                          "failed, timed out or refused (reason says which); not_configured: not in this deployment"),
        "data": fields.Dict(metadata={"description": "The service's answer (when ok)."}),
        "reason": fields.String(metadata={"description": "Why there is no data (when not ok)."}),
    }, name=section_schema_name(section))


class WorkspaceProfileSection(Schema):
    status = _status(OK)
    data = fields.Dict(required=True, metadata={"description": "The customer, as the customers service has it."})


class PinnedNotesSection(Schema):
    status = _status(OK)
    items = fields.List(fields.Dict(), required=True)


class WorkspaceHeader(Schema):
    """The header figures; billing's and jobs' are there only for a caller who may see them."""

    status = _status(OK, UNAVAILABLE, description="unavailable: the services in `missing` did not answer")
    missing = fields.List(fields.String(), metadata={"description": "Services whose figures are missing (if not ok)."})
    last_contacted_at = fields.DateTime(required=True, allow_none=True)
    next_follow_up_at = fields.DateTime(required=True, allow_none=True)
    currency = fields.String(allow_none=True)
    balance_cents = fields.Integer(allow_none=True)
    lifetime_revenue_cents = fields.Integer(allow_none=True, metadata={"description": (
        "Lifetime revenue: the total billed (void excluded) less credit notes issued and refunds paid back.")})
    lifetime_value_cents = fields.Integer(allow_none=True, metadata={"description": (
        "Net cash received: every payment, less refunds paid back to the customer.")})
    total_billed_cents = fields.Integer(allow_none=True, metadata={"description": (
        "Totals of issued invoices (sent, viewed, partial, paid); drafts and voids count 0.")})
    total_paid_cents = fields.Integer(allow_none=True, metadata={"description": (
        "Payment money applied to invoices, net of refunds and moves to account credit.")})
    overdue_cents = fields.Integer(allow_none=True)
    credit_cents = fields.Integer(allow_none=True)
    open_invoice_count = fields.Integer(allow_none=True)
    open_job_count = fields.Integer(allow_none=True)
    last_completed = fields.Dict(allow_none=True, metadata={"description": "The last job completed, in brief."})
    next_scheduled = fields.Dict(allow_none=True, metadata={"description": "The next job scheduled, in brief."})


class TimelinePage(Schema):
    items = fields.List(fields.Nested(ActivityItemSchema), required=True)
    next_cursor = fields.String(required=True, allow_none=True)
    unavailable = fields.List(fields.String(), required=True,
                              metadata={"description": "Services whose part is missing from this page."})


class WorkspaceTimeline(TimelinePage):
    status = _status(OK, UNAVAILABLE, description="unavailable: some services' parts are missing")


# Sections the caller may not see are left out; a merged customer's answer holds only where it went.
Workspace = Schema.from_dict({
    "customer_id": fields.UUID(required=True),
    "merged_into": fields.UUID(required=True, allow_none=True,
                               metadata={"description": "The customer this one was merged into, if it was."}),
    "workspace": fields.String(metadata={"description": "Where the merged customer's workspace is (when merged)."}),
    "profile": fields.Nested(WorkspaceProfileSection, required=True),
    "header": fields.Nested(WorkspaceHeader),
    "pinned_notes": fields.Nested(PinnedNotesSection),
    "timeline": fields.Nested(WorkspaceTimeline),
    **{section: fields.Nested(_service_section(section)) for section in SERVICE_SECTIONS},
}, name="Workspace")


class ServiceReadiness(Schema):
    status = fields.String(required=True, metadata={"description": "ready, not_ready, unavailable or not_configured"})
    reason = fields.String(metadata={"description": "Why the service did not answer (when unavailable)."})
    checks = fields.Dict(metadata={"description": "The service's own readiness checks."})
    breaker = fields.String(validate=validate.OneOf(("closed", "open", "half_open")),
                            metadata={"description": "The gateway's circuit breaker for the service."})


class Status(Schema):
    status = fields.String(required=True, validate=validate.OneOf(("ok", "degraded")))
    services = fields.Dict(keys=fields.String(), values=fields.Nested(ServiceReadiness), required=True)


API_DOCUMENT = {"type": "object", "description": "An OpenAPI 3 document."}
ESTIMATE = {"type": "object", "description": "The estimate, approved, as the jobs service answers it."}
PORTAL_COOKIE = "fieldwork_portal"
# A portal visitor's session (POST /api/portal/sessions) as a bearer token, or as the cookie that answer sets.
PORTAL_SECURITY_SCHEMES = {
    "portalSession": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                      "description": "The session of POST /api/portal/sessions (never a staff token)."},
    "portalCookie": {"type": "apiKey", "in": "cookie", "name": PORTAL_COOKIE,
                     "description": "The same session, as the cookie POST /api/portal/sessions sets."},
}
PORTAL_SECURITY = [{"portalSession": []}, {"portalCookie": []}]

_TEXT = {"schema": {"type": "string"}}
PAGE_OPERATION = {
    "summary": "The web app's page (its router takes over in the browser).",
    "tags": ["front_end"],
    "security": [],
    "responses": {
        "200": {"description": "The page.", "content": {"text/html": _TEXT}},
        "503": {"description": "The web app is not built in this deployment.", "content": {"text/plain": _TEXT}},
    },
}
