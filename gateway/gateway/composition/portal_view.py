"""What a customer sees in the portal: written field by field, so nothing internal can slip through.

Never shown: notes, tags, insights, lead status or source, access notes, other customers.

Staff see the same page ("view as client") only as far as their own permissions go: a section needs the view
permission of the service it comes from, and a section they may not see says so instead of showing its records.
"""
from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping

from gateway.composition.sections import OK, UNAVAILABLE, parsed
from gateway.upstream.calls import Call

PAGE = 50
NOT_PERMITTED = "not_permitted"
ESTIMATES_TO_APPROVE = ("sent", "viewed")
INVOICES_SHOWN = ("sent", "viewed", "partial", "paid", "overdue")
_ADDRESS = ("id", "line1", "line2", "city", "region", "postal_code", "country")
_VISIT = ("id", "number", "title", "service_type", "property_address", "status", "scheduled_start", "scheduled_end")
_DONE = ("id", "number", "title", "service_type", "property_address", "status", "completed_at")
ESTIMATE_SHOWN = ("id", "number", "title", "description", "property_address", "line_items", "total_cents", "currency",
             "status", "valid_until")
_INVOICE = ("id", "number", "status", "issue_date", "due_date", "currency", "total_cents", "paid_cents",
            "balance_cents")
_TO_REVIEW = ("id", "number", "title", "completed_at")

# Each section of the page and the view permission of the service its records come from.
SECTION_PERMISSIONS = {"upcoming_visits": "jobs:view", "recent_visits": "jobs:view",
                       "estimates_to_approve": "jobs:view", "invoices": "billing:view", "jobs_to_review": "jobs:view"}
EVERY_SECTION = tuple(SECTION_PERMISSIONS)
# The call each section is read from: upcoming and recent visits share one.
_SECTION_CALL = {"upcoming_visits": "visits", "recent_visits": "visits", "estimates_to_approve": "estimates",
                 "invoices": "invoices", "jobs_to_review": "jobs_to_review"}


def sections_for(perms: Collection[str]) -> tuple[str, ...]:
    """The sections a staff user with ``perms`` may see of a customer's page."""
    return tuple(name for name, permission in SECTION_PERMISSIONS.items() if permission in perms)


def portal_calls(customer_id: uuid.UUID, sections: Collection[str] = EVERY_SECTION) -> dict:
    """The profile and the calls of the sections shown; a section not shown is not asked for."""
    base = f"/customers/{customer_id}"
    calls = {
        "visits": Call("jobs", f"{base}/recent-activity"),
        "estimates": Call("jobs", f"{base}/estimates", (("limit", PAGE),)),
        "invoices": Call("billing", f"{base}/invoices", (("limit", PAGE),)),
        "jobs_to_review": Call("jobs", f"{base}/jobs-to-review"),
    }
    wanted = {_SECTION_CALL[name]: calls[_SECTION_CALL[name]] for name in sections}
    return {"profile": Call("customers", base), **wanted}


def customer_facing_estimate(estimate: dict) -> dict:
    return _pick(estimate, ESTIMATE_SHOWN)


def _pick(record: dict, names) -> dict:
    return {name: record.get(name) for name in names}


def _section(outcome, build) -> dict:
    body = parsed(outcome)
    return {"status": UNAVAILABLE} if body is None else {"status": OK, "items": build(body)}


def _upcoming_visits(outcome) -> dict:
    return _section(outcome, lambda body: [_pick(j, _VISIT) for j in body["upcoming"]])


def _recent_visits(outcome) -> dict:
    return _section(outcome, lambda body: [_pick(j, _DONE) for j in body["completed_recently"]])


def _estimates_to_approve(outcome) -> dict:
    return _section(outcome, lambda page: [
        _pick(e, ESTIMATE_SHOWN) for e in page["items"] if e.get("status") in ESTIMATES_TO_APPROVE])


def _invoices(outcome) -> dict:
    invoices = _section(outcome, lambda page: [
        {**_pick(i, _INVOICE), "pdf": f"/api/portal/invoices/{i['id']}/pdf"}
        for i in page["items"] if i.get("status") in INVOICES_SHOWN])
    if invoices["status"] == OK:
        invoices["balance_cents"] = sum(i["balance_cents"] or 0 for i in invoices["items"])
    return invoices


def _jobs_to_review(outcome) -> dict:
    return _section(outcome, lambda page: [_pick(j, _TO_REVIEW) for j in page["items"]])


_BUILDERS = {"upcoming_visits": _upcoming_visits, "recent_visits": _recent_visits,
             "estimates_to_approve": _estimates_to_approve, "invoices": _invoices, "jobs_to_review": _jobs_to_review}


def portal_view(profile: dict, outcomes: Mapping, sections: Collection[str] = EVERY_SECTION) -> dict:
    """The page from the profile and the sections' outcomes; a section not in ``sections`` only says it is hidden."""
    view: dict = {"customer": {"name": profile.get("display_name"), "company": profile.get("company"),
                               "properties": [_pick(p, _ADDRESS) for p in profile.get("properties", [])]}}
    for name, build in _BUILDERS.items():
        view[name] = (build(outcomes[_SECTION_CALL[name]]) if name in sections
                      else {"status": NOT_PERMITTED, "permission": SECTION_PERMISSIONS[name]})
    return view


def owns_property(profile: dict, property_id: uuid.UUID) -> dict | None:
    """The visitor's own property of that id (archived ones are not offered), or None."""
    return next((p for p in profile.get("properties", []) if p.get("id") == str(property_id)), None)


def one_line(address: Mapping) -> str:
    return ", ".join(str(address[part]) for part in ("line1", "city") if address.get(part))
