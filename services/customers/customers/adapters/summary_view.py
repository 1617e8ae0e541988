"""The list items of a page of customers read in one statement, shaped so `presenters.summary` shows them.

A search answers on every letter typed, and loading its page through the ORM's eager loads took six statements
(customers, contacts, emails, phones, properties, tags): most of a typed letter's time. A list item shows only
the first email and phone (primary contacts first) and the primary property, so PostgreSQL picks those itself and
sends one row per customer. Each customer is handed on as if its relationships held just what the summary reads;
tests/test_summary_view.py compares the result with the ORM's, so a field added to the summary is added here too.
"""
from __future__ import annotations

import uuid
from types import SimpleNamespace

from sqlalchemy import text
from sqlalchemy.orm import Session

# The orders repeat the relationships' order_by (orm.py) and the summary's "primary contacts first"; the account
# condition is written out because raw SQL gets no Tenanted criteria.
_SUMMARIES = text("""
SELECT c.id, c.number, c.display_name, c.company, c.kind, c.status, c.do_not_service, c.do_not_service_reason,
       c.archived_at, c.merged_into, c.last_contacted_at, c.next_follow_up_at,
  (SELECT coalesce(array_agg(t.name ORDER BY t.name_lower), '{}') FROM tags t
    WHERE t.account_id = c.account_id AND t.customer_id = c.id) AS tag_names,
  (SELECT e.address FROM contacts k JOIN contact_emails e ON e.contact_id = k.id AND e.account_id = k.account_id
    WHERE k.account_id = c.account_id AND k.customer_id = c.id
    ORDER BY k.is_primary DESC, k.created_at, k.id, e.position LIMIT 1) AS email,
  (SELECT json_build_object('entered', p.entered, 'e164', p.e164, 'extension', p.extension, 'label', p.label)
     FROM contacts k JOIN contact_phones p ON p.contact_id = k.id AND p.account_id = k.account_id
    WHERE k.account_id = c.account_id AND k.customer_id = c.id
    ORDER BY k.is_primary DESC, k.created_at, k.id, p.position LIMIT 1) AS phone,
  (SELECT json_build_object('line1', r.line1, 'line2', r.line2, 'city', r.city, 'region', r.region,
                            'postal_code', r.postal_code, 'country', r.country)
     FROM properties r WHERE r.account_id = c.account_id AND r.customer_id = c.id AND r.is_primary
    ORDER BY r.created_at, r.id LIMIT 1) AS address
FROM customers c WHERE c.account_id = :account AND c.id = ANY(:ids)
""")


def _customer(row) -> SimpleNamespace:
    contact = SimpleNamespace(is_primary=True, emails=[SimpleNamespace(address=row.email)] if row.email else [],
                              phones=[SimpleNamespace(**row.phone)] if row.phone else [])
    properties = [SimpleNamespace(is_primary=True, **row.address)] if row.address else []
    return SimpleNamespace(**row._mapping, tags=[SimpleNamespace(name=name) for name in row.tag_names],
                           contacts=[contact], properties=properties)


def load_summaries(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, SimpleNamespace]:
    """The caller's account's customers among ``ids``, by id, as list items (others are left out)."""
    if not ids:
        return {}
    rows = session.execute(_SUMMARIES, {"account": session.info["account_id"], "ids": list(ids)})
    return {row.id: _customer(row) for row in rows}
