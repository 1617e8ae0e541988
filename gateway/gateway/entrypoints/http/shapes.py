"""The wire shapes of the answers the gateway composes itself, for its OpenAPI document and its answers alike.

A section's ``data`` is the service's answer passed on as it came; the public document
(``gateway.composition.openapi``) points each one at the schema the service itself documents for it.
"""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from chassis.activity import ActivityItemSchema
from gateway.composition.portal_view import NOT_PERMITTED, SECTION_PERMISSIONS
from gateway.composition.workspace import SECTIONS

OK, UNAVAILABLE, NOT_CONFIGURED = "ok", "unavailable", "not_configured"
SERVICE_SECTIONS = tuple(SECTIONS) + ("insights",)


def _status(*allowed: str, description: str = "") -> fields.String:
    return fields.String(required=True, validate=validate.OneOf(allowed), metadata={"description": description})


def section_schema_name(section: str) -> str:
    return "Workspace" + "".join(word.title() for word in section.split("_")) + "Section"


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
    estimates_to_approve = fields.Nested(_portal_section("estimates_to_approve", PortalEstimate), required=True)
    invoices = fields.Nested(_portal_section("invoices", PortalInvoice, balance_cents=fields.Integer(
        metadata={"description": "What the invoices shown still owe (when ok)."})), required=True)


class PortalSession(Schema):
    session = fields.String(required=True, metadata={"description": "Bearer token of the portal (also a cookie)."})
    expires_at = fields.Integer(required=True, metadata={"description": "Unix time the session ends."})
    customer_id = fields.UUID(required=True)


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
