"""Likely duplicates of a customer, found through the exact-key indexes (never a scan of the account)."""
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
  SELECT c.id, 'name_and_address' FROM customers c JOIN properties pr ON pr.customer_id = c.id
   WHERE c.account_id = :account AND lower(c.display_name) = :name
     AND pr.account_id = :account AND pr.address_key = ANY(:address_keys)
)
SELECT h.customer_id, array_agg(DISTINCT h.reason ORDER BY h.reason) AS reasons
  FROM hits h JOIN customers c ON c.id = h.customer_id
 WHERE c.account_id = :account AND c.id <> :me AND c.merged_into IS NULL
 GROUP BY h.customer_id
 ORDER BY count(DISTINCT h.reason) DESC, h.customer_id
 LIMIT :limit
"""


def likely_duplicates(session: Session, customer, *, limit: int = 20) -> list[tuple[uuid.UUID, list[str]]]:
    """(customer id, reasons) of the customers sharing a phone, an email, or name and address with ``customer``."""
    params = {
        "account": session.info["account_id"], "me": customer.id, "limit": limit,
        "phones": [p.e164 for c in customer.contacts for p in c.phones],
        "emails": [e.address.lower() for c in customer.contacts for e in c.emails],
        "name": customer.display_name.lower(),
        "address_keys": [f"{p.line1.lower()}|{p.postal_code.lower()}" for p in customer.properties],
    }
    return [(row.customer_id, list(row.reasons)) for row in session.execute(text(_SQL), params)]
