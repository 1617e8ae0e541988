"""The customer workspace: one call per service, and the one document built from their answers.

Each service answers its whole share in one call (the chassis's workspace-part contract): the
first pages of its lists, its header figures and the first page of its part of the timeline. A
request costs CPU whatever it carries, so one call per service keeps the workspace's cost close to
the cost of its slowest part.

Only the profile (customers) is essential; every other section carries its own status, and a
section the caller may not see is left out rather than refused.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from fieldwork_contracts.workspace_part import ACTIVITY, FIRST_PAGE, TIMELINE_PAGE
from gateway.composition.sections import OK, UNAVAILABLE, parsed, section, unavailable
from gateway.composition.timeline import SOURCES, SourcePage, merge
from gateway.upstream.calls import Call
from gateway.upstream.fanout import Outcome

PROFILE = "profile"
INSIGHTS = "insights"
PART_QUERY = (("limit", FIRST_PAGE), ("activity_limit", TIMELINE_PAGE))

# section name → (service, key of the section in that service's part)
SECTIONS: dict[str, tuple[str, str]] = {
    "jobs": ("jobs", "jobs"),
    "estimates": ("jobs", "estimates"),
    "plans": ("jobs", "plans"),
    "recent_activity": ("jobs", "recent_activity"),
    "reviews": ("jobs", "reviews"),
    "photos": ("jobs", "photos"),
    "invoices": ("billing", "invoices"),
    "card_on_file": ("billing", "card_on_file"),
    "communications": ("comms", "communications"),
}
# Sections of the customers part beside the profile; like the profile, they are there whenever the page is.
def section_schema_name(section: str) -> str:
    """The name the API document gives a workspace section's schema (``WorkspaceStatusHistorySection``)."""
    return "Workspace" + "".join(word.title() for word in section.split("_")) + "Section"


CUSTOMER_SECTIONS = ("related_customers", "membership", "status_history", "portal_invites")
BILLING_FIGURES = ("currency", "balance_cents", "lifetime_revenue_cents", "lifetime_value_cents", "total_billed_cents",
                   "total_paid_cents", "overdue_cents", "credit_cents", "open_invoice_count")


def workspace_calls(customer_id: uuid.UUID, perms) -> dict:
    """One call per service the caller may see: its workspace part, or insights' cards (never waiting for the model)."""
    base = f"/customers/{customer_id}"
    calls = {service: Call(service, f"{base}/workspace-part", PART_QUERY)
             for service, permission in SOURCES.items() if permission in perms}
    if "insights:view" in perms:
        calls[INSIGHTS] = Call("insights", f"{base}/insights", (("ai", "cached"),))
    return calls


def merged_document(profile: dict) -> dict:
    """A merged customer's workspace points at the customer that absorbed it; its records moved there."""
    target = profile["merged_into"]
    return {"customer_id": profile["id"], "merged_into": target,
            "workspace": f"/api/customers/{target}/workspace", "profile": {"status": OK, "data": profile}}


def compose(customer_id: uuid.UUID, customers_part: dict, outcomes: Mapping[str, Outcome]) -> dict:
    """The document from the customers part (already checked) and every other call's outcome."""
    parts = {service: parsed(outcome) for service, outcome in outcomes.items() if service in SOURCES}
    parts["customers"] = customers_part
    profile = customers_part[PROFILE]
    document = {
        "customer_id": str(customer_id),
        "merged_into": None,
        "profile": {"status": OK, "data": profile},
        "header": _header(profile, parts),
        "pinned_notes": {"status": OK, "items": profile.get("pinned_notes", [])},
    }
    for name, (service, key) in SECTIONS.items():
        if service in outcomes:
            part = parts[service]
            document[name] = _section_of(part, key, outcomes[service])
    for name in CUSTOMER_SECTIONS:
        document[name] = _section_of(customers_part, name, None)
    if INSIGHTS in outcomes:
        document[INSIGHTS] = section(outcomes[INSIGHTS])
    pages = {service: None if part is None else SourcePage(part[ACTIVITY]["items"], part[ACTIVITY]["next_cursor"])
             for service, part in parts.items()}
    timeline = merge(pages, TIMELINE_PAGE)
    document["timeline"] = {"status": UNAVAILABLE if timeline.unavailable else OK, **timeline.as_dict()}
    return document


def _section_of(part: dict | None, key: str, outcome: Outcome | None) -> dict:
    """A section of a service's part; a part without it (a service not yet upgraded) leaves it unavailable."""
    if part is None:
        return unavailable(outcome)
    if key not in part:
        return {"status": UNAVAILABLE, "reason": "not in this service's answer"}
    return {"status": OK, "data": part[key]}


def _header(profile: dict, parts: Mapping[str, dict | None]) -> dict:
    figures: dict = {"last_contacted_at": profile.get("last_contacted_at"),
                     "next_follow_up_at": profile.get("next_follow_up_at")}
    missing = []
    if "billing" in parts:
        if parts["billing"] is None:
            missing.append("billing")
        else:
            billing = parts["billing"]["summary"]
            figures.update({name: billing.get(name) for name in BILLING_FIGURES})
    if "jobs" in parts:
        if parts["jobs"] is None:
            missing.append("jobs")
        else:
            jobs = parts["jobs"]["summary"]
            figures.update(open_job_count=jobs.get("open_count"), last_completed=jobs.get("last_completed"),
                           next_scheduled=jobs.get("next_scheduled"))
    header = {"status": UNAVAILABLE if missing else OK, **figures}
    if missing:
        header["missing"] = missing
    return header
