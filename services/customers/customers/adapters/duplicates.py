"""Likely duplicates of a customer, found through the exact-key indexes (never a scan of the account).

The same normalised address is a duplicate whatever the name (a spouse, a new owner), but a weaker one: a customer
sharing a phone or an email ranks first.
"""
from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

_SQL = """
WITH hits(customer_id, reason) AS (
  SELECT ct.customer_id, 'phone' FROM contact_phones p JOIN contacts ct ON ct.id = p.contact_id
   WHERE p.account_id = :account AND p.e164 = ANY(:phones)
  UNION ALL
  SELECT ct.customer_id, 'email' FROM contact_emails e JOIN contacts ct ON ct.id = e.contact_id
   WHERE e.account_id = :account AND e.address_lower = ANY(:emails)
  UNION ALL
  SELECT c.id, CASE WHEN lower(c.display_name) = :name THEN 'name_and_address' ELSE 'address' END
    FROM properties pr JOIN customers c ON c.id = pr.customer_id
   WHERE pr.account_id = :account AND pr.address_key = ANY(:address_keys) AND c.account_id = :account
)
SELECT h.customer_id, array_agg(DISTINCT h.reason ORDER BY h.reason) AS reasons
  FROM hits h JOIN customers c ON c.id = h.customer_id
 WHERE c.account_id = :account AND c.id <> :me AND c.merged_into IS NULL
 GROUP BY h.customer_id
 ORDER BY bool_or(h.reason IN ('phone', 'email')) DESC, count(DISTINCT h.reason) DESC, h.customer_id
 LIMIT :limit
"""


def likely_duplicates(session: Session, customer, *, limit: int = 20) -> list[tuple[uuid.UUID, list[str]]]:
    """(customer id, reasons) of the customers sharing a phone, an email or an address with ``customer``; reasons
    name ``name_and_address`` when the name is the same too, else ``address``."""
    params = {
        "account": session.info["account_id"], "me": customer.id, "limit": limit,
        "phones": [p.e164 for c in customer.contacts for p in c.phones],
        "emails": [e.address.lower() for c in customer.contacts for e in c.emails],
        "name": customer.display_name.lower(),
        "address_keys": [f"{p.line1.lower()}|{p.postal_code.lower()}" for p in customer.properties],
    }
    return [(row.customer_id, list(row.reasons)) for row in session.execute(text(_SQL), params)]
