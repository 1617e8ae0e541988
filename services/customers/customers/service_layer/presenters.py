"""Customers as the API shows them (plain dicts the output schemas describe), for the routes and the workspace
part alike."""
from __future__ import annotations

import datetime as dt

from customers.domain import relations as rules
from customers.domain.membership import renewal_date
from customers.domain.snapshot import address_of


def phone(p) -> dict:
    tel = f"tel:{p.e164};ext={p.extension}" if p.extension else f"tel:{p.e164}"
    return {"number": p.entered, "e164": p.e164, "extension": p.extension, "tel": tel, "label": p.label}


def contact(c) -> dict:
    return {"id": c.id, "name": c.name, "role": c.role, "is_primary": c.is_primary,
            "emails": [e.address for e in c.emails], "phones": [phone(p) for p in c.phones]}


def property_(p) -> dict:
    return {"id": p.id, "is_primary": p.is_primary, "kind": p.kind, **address_of(p), "access_notes": p.access_notes,
            "notes": p.notes, "equipment": p.equipment,
            "geocode": {"status": p.geocode_status, "latitude": p.latitude, "longitude": p.longitude,
                        "formatted_address": p.formatted_address, "geocoded_at": p.geocoded_at,
                        "reason": p.geocode_reason, "error": p.geocode_error}}


def summary(c) -> dict:
    contacts = sorted(c.contacts, key=lambda x: not x.is_primary)
    email = next((e.address for x in contacts for e in x.emails), None)
    first_phone = next((p for x in contacts for p in x.phones), None)
    primary = next((p for p in c.properties if p.is_primary), None)
    return {
        "id": c.id, "number": c.number, "display_name": c.display_name, "company": c.company, "kind": c.kind,
        "status": c.status, "tags": [t.name for t in c.tags],
        "do_not_service": {"flag": c.do_not_service, "reason": c.do_not_service_reason},
        "archived": c.archived_at is not None, "merged_into": c.merged_into, "primary_email": email,
        "primary_phone": phone(first_phone) if first_phone else None,
        "primary_address": address_of(primary) if primary else None,
        "last_contacted_at": c.last_contacted_at, "next_follow_up_at": c.next_follow_up_at,
    }


def profile(c, pinned_notes) -> dict:
    return {**summary(c), "preferred_channel": c.preferred_channel, "lead_source": c.lead_source,
            "created_by": c.created_by, "created_at": c.created_at, "archived_at": c.archived_at,
            "revision": c.revision, "contacts": [contact(x) for x in c.contacts],
            "properties": [property_(p) for p in c.properties], "pinned_notes": pinned_notes}


def invite(i, now: dt.datetime) -> dict:
    status = "redeemed" if i.redeemed_at else ("expired" if i.expires_at <= now else "pending")
    return {"id": i.id, "customer_id": i.customer_id, "email": i.email, "created_by": i.created_by,
            "created_at": i.created_at, "expires_at": i.expires_at, "redeemed_at": i.redeemed_at, "status": status}


def relation(link, other, customer_id) -> dict:
    """A link between two customers read from ``customer_id``'s end; ``other`` is the customer at the other end."""
    seen_from_customer = link.customer_id == customer_id
    return {"id": link.id, "kind": link.kind, "role": rules.role(link.kind, seen_from_customer),
            "label": rules.label(link.kind, seen_from_customer),
            "customer": {"id": other.id, "number": other.number, "display_name": other.display_name,
                         "archived": other.archived_at is not None},
            "created_by": link.created_by, "created_at": link.created_at}


def membership(m) -> dict:
    return {"plan_id": m.plan_id, "name": m.name, "status": m.status, "since": m.since,
            "next_visit_at": m.next_visit_at, "renewal_date": renewal_date(m.since, m.ends_on)}


def activity_item(row) -> dict:
    """A note or a status change as an item of the timeline (chassis ActivityItemSchema)."""
    if row.kind == "note":
        first_line = row.body.strip().splitlines()[0] if row.body.strip() else ""
        return {"id": row.id, "kind": "note", "occurred_at": row.occurred_at, "title": "Note",
                "summary": first_line[:200], "status": "pinned" if row.pinned else None, "amount_cents": None,
                "currency": None, "link": None}
    title = f"Status {row.from_status} → {row.to_status}" if row.from_status else f"Added as {row.to_status}"
    summary = " · ".join(p for p in (row.cause, "automatic" if row.automatic else None) if p) or None
    return {"id": row.id, "kind": "customer", "occurred_at": row.occurred_at, "title": title, "summary": summary,
            "status": row.to_status, "amount_cents": None, "currency": None, "link": None}
