"""What a customer sees in the portal: written field by field, so nothing internal can slip through.

Never shown: notes, tags, insights, lead status or source, access notes, other customers.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from gateway.composition.sections import OK, UNAVAILABLE, parsed
from gateway.upstream.calls import Call

PAGE = 50
ESTIMATES_TO_APPROVE = ("sent", "viewed")
INVOICES_SHOWN = ("sent", "viewed", "partial", "paid", "overdue")
_ADDRESS = ("id", "line1", "line2", "city", "region", "postal_code", "country")
_VISIT = ("id", "number", "title", "service_type", "property_address", "status", "scheduled_start", "scheduled_end")
_ESTIMATE = ("id", "number", "title", "description", "property_address", "line_items", "total_cents", "currency",
             "status", "valid_until")
_INVOICE = ("id", "number", "status", "issue_date", "due_date", "currency", "total_cents", "paid_cents",
            "balance_cents")


def portal_calls(customer_id: uuid.UUID) -> dict:
    base = f"/customers/{customer_id}"
    return {
        "profile": Call("customers", base),
        "visits": Call("jobs", f"{base}/recent-activity"),
        "estimates": Call("jobs", f"{base}/estimates", (("limit", PAGE),)),
        "invoices": Call("billing", f"{base}/invoices", (("limit", PAGE),)),
    }


def _pick(record: dict, names) -> dict:
    return {name: record.get(name) for name in names}


def _section(outcome, build) -> dict:
    body = parsed(outcome)
    return {"status": UNAVAILABLE} if body is None else {"status": OK, "items": build(body)}


def portal_view(profile: dict, outcomes: Mapping) -> dict:
    invoices = _section(outcomes["invoices"], lambda page: [
        {**_pick(i, _INVOICE), "pdf": f"/api/portal/invoices/{i['id']}/pdf"}
        for i in page["items"] if i.get("status") in INVOICES_SHOWN])
    if invoices["status"] == OK:
        invoices["balance_cents"] = sum(i["balance_cents"] or 0 for i in invoices["items"])
    return {
        "customer": {"name": profile.get("display_name"), "company": profile.get("company"),
                     "properties": [_pick(p, _ADDRESS) for p in profile.get("properties", [])]},
        "upcoming_visits": _section(outcomes["visits"], lambda body: [_pick(j, _VISIT) for j in body["upcoming"]]),
        "estimates_to_approve": _section(outcomes["estimates"], lambda page: [
            _pick(e, _ESTIMATE) for e in page["items"] if e.get("status") in ESTIMATES_TO_APPROVE]),
        "invoices": invoices,
    }
