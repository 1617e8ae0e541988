"""The public API: which service answers each path under /api, and the permission each method needs.

Every public path is ``/api`` + the service's own path, so the scheme is the services' scheme
(lists ``?limit=&cursor=`` → ``{"items", "next_cursor"}``, the one error envelope). A resource
with ``subtree=True`` also covers every path below it (``/jobs/<id>/status`` under ``/jobs``).
Reads (GET) need ``read``; every other method needs ``write``. ``public`` paths verify their own
signatures downstream (webhooks). Paths the gateway answers itself (workspace, timeline, portal)
are not here; neither are service-internal ones (``/portal/redeem``, ``/customers/<id>/activity``).
"""
from __future__ import annotations

from dataclasses import dataclass

API_PREFIX = "/api"
READ_METHODS = ("GET",)
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
CUSTOMER = "/customers/<uuid:customer_id>"


@dataclass(frozen=True)
class Resource:
    path: str
    service: str
    read: str | None
    write: str | None
    subtree: bool = False
    public: bool = False


def _area(area: str, path: str, service: str, *, subtree: bool = True, write: str | None = None) -> Resource:
    return Resource(path, service, f"{area}:view", write or f"{area}:edit", subtree=subtree)


ROUTES: tuple[Resource, ...] = (
    # customers
    _area("customers", "/customers", "customers", subtree=False),
    _area("customers", CUSTOMER, "customers", subtree=False),
    *(_area("customers", f"{CUSTOMER}/{part}", "customers") for part in (
        "contacts", "properties", "notes", "tags", "status", "archive", "unarchive", "merge", "merges", "duplicates",
        "portal-invites", "archived", "relations", "membership")),
    _area("customers", "/merges", "customers"),
    # erasing a customer's personal data (a privacy request): a permission of its own, apart from archiving
    Resource(f"{CUSTOMER}/erase", "customers", "customers:view", "customers:delete"),
    Resource("/erasures", "customers", "customers:view", "customers:delete"),
    # imports from another system: read with customers, run by who keeps the account's settings
    _area("customers", "/imports", "customers", write="settings:edit"),
    # whether a completed job's customer is asked for a review
    Resource("/settings/reviews", "customers", "settings:edit", "settings:edit"),
    # jobs, estimates, plans, photos, reviews
    *(_area("jobs", f"{CUSTOMER}/{part}", "jobs") for part in (
        "jobs", "recent-activity", "estimates", "plans", "photos", "reviews", "jobs-to-review")),
    # rating a job: before /jobs, whose subtree it is in, so the first route covering it is this one
    Resource("/jobs/<uuid:job_id>/review", "jobs", "jobs:view", "reviews:create"),
    *(_area("jobs", f"/{part}", "jobs") for part in ("jobs", "estimates", "plans", "photos")),
    # the account's technicians: read with jobs, kept with the account's settings
    _area("jobs", "/technicians", "jobs", write="settings:edit"),
    # billing
    *(_area("billing", f"{CUSTOMER}/{part}", "billing") for part in (
        "billing-summary", "invoices", "ledger", "statement.pdf", "statements", "card", "pricing-table",
        "pricing-table.pdf")),
    *(_area("billing", f"/{part}", "billing") for part in ("invoices", "payments", "credit-notes", "refunds")),
    # the account's price book: read with billing, kept with the account's settings
    _area("billing", "/price-book", "billing", write="settings:edit"),
    # communications
    *(_area("comms", f"{CUSTOMER}/{part}", "comms", write="comms:send") for part in ("communications", "threads")),
    *(_area("comms", f"/{part}", "comms", write="comms:send") for part in (
        "unmatched", "messages", "communications", "threads", "channels")),
    Resource("/webhooks", "comms", None, None, subtree=True, public=True),
    # insights and the account's integration settings
    _area("insights", f"{CUSTOMER}/insights", "insights"),
    # what each service's outside systems are, as configured: before the insights subtree that would cover them
    Resource("/settings/integrations/maps", "customers", "settings:edit", "settings:edit"),
    Resource("/settings/integrations/messaging", "comms", "settings:edit", "settings:edit"),
    Resource("/settings/integrations", "insights", "settings:edit", "settings:edit", subtree=True),
    Resource("/settings/insights", "insights", "insights:view", "settings:edit"),
)
