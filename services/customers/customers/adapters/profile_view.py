"""A customer's profile read in one statement, shaped like the ORM models so the same presenters show it.

The profile is the most read thing of this service (every workspace opens with it). Loaded through the ORM it
took four statements with eager loads, ~6 ms of CPU on this box; PostgreSQL can assemble the nested lists as JSON
in one round trip, leaving Python only a few dates to parse. The result answers exactly what the ORM objects
would (tests/test_profile_view.py compares the two), so a column added to the models must be added here too.
"""
from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace

from sqlalchemy import text
from sqlalchemy.orm import Session

PINNED_NOTES = 20

# json (not jsonb): jsonb would keep floats as numeric, rounding a latitude to 15 digits. Every nested list
# repeats its relationship's order_by (orm.py); the account condition is written out because raw SQL gets no
# Tenanted criteria.
_PROFILE = text(f"""
SELECT c.id, c.number, c.display_name, c.company, c.kind, c.status, c.preferred_channel, c.lead_source,
       c.do_not_service, c.do_not_service_reason, c.created_by, c.created_at, c.last_contacted_at,
       c.next_follow_up_at, c.archived_at, c.merged_into, c.revision,
  (SELECT coalesce(json_agg(t.name ORDER BY t.name_lower), '[]') FROM tags t
    WHERE t.account_id = c.account_id AND t.customer_id = c.id) AS tags,
  (SELECT coalesce(json_agg(json_build_object(
            'id', k.id, 'name', k.name, 'role', k.role, 'is_primary', k.is_primary,
            'emails', (SELECT coalesce(json_agg(e.address ORDER BY e.position), '[]') FROM contact_emails e
                        WHERE e.account_id = k.account_id AND e.contact_id = k.id),
            'phones', (SELECT coalesce(json_agg(json_build_object('entered', p.entered, 'e164', p.e164,
                                                                  'extension', p.extension, 'label', p.label)
                                                ORDER BY p.position), '[]')
                         FROM contact_phones p WHERE p.account_id = k.account_id AND p.contact_id = k.id))
          ORDER BY k.created_at, k.id), '[]')
     FROM contacts k WHERE k.account_id = c.account_id AND k.customer_id = c.id) AS contacts,
  (SELECT coalesce(json_agg(json_build_object(
            'id', r.id, 'is_primary', r.is_primary, 'kind', r.kind, 'line1', r.line1, 'line2', r.line2,
            'city', r.city, 'region', r.region, 'postal_code', r.postal_code, 'country', r.country,
            'access_notes', r.access_notes, 'notes', r.notes, 'geocode_status', r.geocode_status,
            'latitude', r.latitude, 'longitude', r.longitude, 'formatted_address', r.formatted_address,
            'geocoded_at', r.geocoded_at, 'geocode_reason', r.geocode_reason, 'geocode_error', r.geocode_error,
            'equipment', (SELECT coalesce(json_agg(json_build_object(
                                   'id', q.id, 'property_id', q.property_id, 'kind', q.kind, 'make', q.make,
                                   'model', q.model, 'serial', q.serial, 'installed_on', q.installed_on,
                                   'warranty_until', q.warranty_until, 'notes', q.notes)
                                 ORDER BY q.created_at, q.id), '[]')
                            FROM equipment q WHERE q.account_id = r.account_id AND q.property_id = r.id))
          ORDER BY r.created_at, r.id), '[]')
     FROM properties r WHERE r.account_id = c.account_id AND r.customer_id = c.id) AS properties,
  (SELECT coalesce(json_agg(n ORDER BY n.created_at DESC, n.id DESC), '[]') FROM (
     SELECT id, body, pinned, author, communication_id, created_at, updated_at FROM notes
      WHERE account_id = c.account_id AND customer_id = c.id AND pinned
      ORDER BY created_at DESC, id DESC LIMIT {PINNED_NOTES}) n) AS pinned_notes
FROM customers c WHERE c.account_id = :account AND c.id = :customer
""")


def _stamp(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value is not None else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _equipment(q: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**q, "installed_on": _day(q["installed_on"]),
                              "warranty_until": _day(q["warranty_until"])})


def _property(r: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**r, "geocoded_at": _stamp(r["geocoded_at"]),
                              "equipment": [_equipment(q) for q in r["equipment"]]})


def _contact(k: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**k, "emails": [SimpleNamespace(address=a) for a in k["emails"]],
                              "phones": [SimpleNamespace(**p) for p in k["phones"]]})


def _note(n: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**n, "created_at": _stamp(n["created_at"]), "updated_at": _stamp(n["updated_at"])})


def load_profile(session: Session, customer_id: uuid.UUID) -> tuple[SimpleNamespace, list[SimpleNamespace]] | None:
    """The customer (with contacts, properties and their equipment, tags) and its newest pinned notes, or None
    when the caller's account has no such customer."""
    row = session.execute(_PROFILE, {"account": session.info["account_id"], "customer": customer_id}).mappings().first()
    if row is None:
        return None
    customer = SimpleNamespace(**{**row, "tags": [SimpleNamespace(name=t) for t in row["tags"]],
                                  "contacts": [_contact(k) for k in row["contacts"]],
                                  "properties": [_property(r) for r in row["properties"]]})
    return customer, [_note(n) for n in row["pinned_notes"]]
