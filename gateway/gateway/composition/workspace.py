"""The customer workspace: which calls make it, and the one document built from their answers.

Only the profile (customers) is essential; every other section carries its own status, and a
section the caller may not see is left out rather than refused.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from gateway.composition.rawjson import Raw
from gateway.composition.sections import OK, UNAVAILABLE, parsed, section
from gateway.composition.timeline import timeline_calls, timeline_from, visible_sources
from gateway.upstream.calls import Call

FIRST_PAGE = 10
TIMELINE_PAGE = 20
PROFILE = "profile"

# section name → (permission, service, path under /customers/<id>, extra query)
SECTIONS: dict[str, tuple[str, str, str, tuple]] = {
    "jobs": ("jobs:view", "jobs", "jobs", (("limit", FIRST_PAGE),)),
    "estimates": ("jobs:view", "jobs", "estimates", (("limit", FIRST_PAGE),)),
    "plans": ("jobs:view", "jobs", "plans", (("limit", FIRST_PAGE),)),
    "recent_activity": ("jobs:view", "jobs", "recent-activity", ()),
    "invoices": ("billing:view", "billing", "invoices", (("limit", FIRST_PAGE),)),
    "communications": ("comms:view", "comms", "communications", (("limit", FIRST_PAGE),)),
    "insights": ("insights:view", "insights", "insights", ()),
}
# the header's figures that other services hold
HEADER_PARTS: dict[str, tuple[str, str, str]] = {
    "jobs_summary": ("jobs:view", "jobs", "jobs/summary"),
    "billing_summary": ("billing:view", "billing", "billing-summary"),
}
BILLING_FIGURES = ("currency", "balance_cents", "lifetime_value_cents", "total_billed_cents", "total_paid_cents",
                   "overdue_cents", "credit_cents", "open_invoice_count")


def workspace_calls(customer_id: uuid.UUID, perms) -> dict:
    base = f"/customers/{customer_id}"
    calls: dict = {PROFILE: Call("customers", base)}
    for name, (permission, service, path, params) in SECTIONS.items():
        if permission in perms:
            calls[name] = Call(service, f"{base}/{path}", params)
    for name, (permission, service, path) in HEADER_PARTS.items():
        if permission in perms:
            calls[name] = Call(service, f"{base}/{path}")
    calls.update(timeline_calls(customer_id, visible_sources(perms), TIMELINE_PAGE, None))
    return calls


def merged_document(profile: dict) -> dict:
    """A merged customer's workspace points at the customer that absorbed it; its records moved there."""
    target = profile["merged_into"]
    return {"customer_id": profile["id"], "merged_into": target,
            "workspace": f"/api/customers/{target}/workspace", "profile": {"status": OK, "data": profile}}


def compose(customer_id: uuid.UUID, profile: dict, profile_body: bytes, outcomes: Mapping, perms) -> dict:
    document = {
        "customer_id": str(customer_id),
        "merged_into": None,
        "profile": {"status": OK, "data": Raw(profile_body)},
        "header": _header(profile, outcomes, perms),
        "pinned_notes": {"status": OK, "items": profile.get("pinned_notes", [])},
    }
    for name in SECTIONS:
        if name in outcomes:
            document[name] = section(outcomes[name])
    sources = visible_sources(perms)
    timeline = timeline_from(outcomes, sources, TIMELINE_PAGE)
    document["timeline"] = {"status": UNAVAILABLE if timeline.unavailable else OK, **timeline.as_dict()}
    return document


def _header(profile: dict, outcomes: Mapping, perms) -> dict:
    figures: dict = {"last_contacted_at": profile.get("last_contacted_at"),
                     "next_follow_up_at": profile.get("next_follow_up_at")}
    missing = []
    if "billing_summary" in outcomes:
        billing = parsed(outcomes["billing_summary"])
        if billing is None:
            missing.append("billing")
        else:
            figures.update({name: billing.get(name) for name in BILLING_FIGURES})
    if "jobs_summary" in outcomes:
        jobs = parsed(outcomes["jobs_summary"])
        if jobs is None:
            missing.append("jobs")
        else:
            figures.update(open_job_count=jobs.get("open_count"), last_completed=jobs.get("last_completed"),
                           next_scheduled=jobs.get("next_scheduled"))
    header = {"status": UNAVAILABLE if missing else OK, **figures}
    if missing:
        header["missing"] = missing
    return header
