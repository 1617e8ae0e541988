"""The search box: one ranked query over names, companies, numbers, emails and phones, on indexes only.

Each kind of key is its own indexed lookup (trigram GIN for "contains", btree for exact keys);
their hits are unioned and scored, and a customer's best score ranks it. Scores are integers so
that the cursor (score, id) compares exactly.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from customers.domain.search_terms import SearchTerms

MIN_CONTAINS = 3   # trigram indexes need three characters; shorter queries match prefixes only
MIN_FUZZY = 4
# pg_trgm's default (0.6) misses one typo in a ten-letter word ("whitfeld"); 0.5 keeps noise low.
FUZZY_THRESHOLD = 0.5

_NUMBER = "SELECT id AS customer_id, 1000 AS score FROM customers WHERE account_id = :account AND number = :number"
_NAME_PREFIX = ("SELECT id, CASE WHEN lower(display_name) = :text THEN 800 ELSE 700 END FROM customers "
                "WHERE account_id = :account AND lower(display_name) LIKE :prefix")
_NAME_CONTAINS = ("SELECT id, CASE WHEN lower(display_name) = :text THEN 800 WHEN search_name LIKE :prefix THEN 700 "
                  "ELSE 500 END + (100 * similarity(search_name, :text))::int FROM customers "
                  "WHERE account_id = :account AND search_name LIKE :contains")
# Typo tolerance only when no name contains the text: similarity over common trigrams is the
# costly lookup, and a query that matches names as typed needs no guessing.
_NAME_FUZZY = ("SELECT id, (300 * word_similarity(:text, search_name))::int FROM customers "
               "WHERE account_id = :account AND :text <% search_name AND NOT EXISTS "
               "(SELECT 1 FROM customers WHERE account_id = :account AND search_name LIKE :contains)")
# The contact's customer is read per hit through the primary key: a join would let the planner
# hash all contacts of the account when it overestimates the hits.
_EMAIL = ("SELECT (SELECT customer_id FROM contacts WHERE id = e.contact_id), "
          "CASE WHEN e.address_lower = :text THEN 900 ELSE 450 END FROM contact_emails e "
          "WHERE e.account_id = :account AND e.address_lower LIKE :contains")
_PHONE = ("SELECT (SELECT customer_id FROM contacts WHERE id = p.contact_id), "
          "CASE WHEN p.e164 = :e164 THEN 900 ELSE 450 END FROM contact_phones p "
          "WHERE p.account_id = :account AND p.digits LIKE :digits")


@dataclass(frozen=True)
class Filters:
    include_archived: bool = False
    status: str | None = None
    tag: str | None = None


def _lookups(terms: SearchTerms) -> list[str]:
    lookups = []
    if terms.number:
        lookups.append(_NUMBER)
    if len(terms.text) < MIN_CONTAINS:
        lookups.append(_NAME_PREFIX)
        return lookups
    lookups += [_NAME_CONTAINS, _EMAIL]
    if len(terms.text) >= MIN_FUZZY and "@" not in terms.text and not terms.digits:
        lookups.append(_NAME_FUZZY)
    if terms.digits:
        lookups.append(_PHONE)
    return lookups


def filter_sql(filters: Filters, alias: str = "c") -> str:
    sql = f" AND {alias}.merged_into IS NULL"
    if not filters.include_archived:
        sql += f" AND {alias}.archived_at IS NULL"
    if filters.status:
        sql += f" AND {alias}.status = :status"
    if filters.tag:
        sql += (f" AND EXISTS (SELECT 1 FROM tags t WHERE t.customer_id = {alias}.id "
                "AND t.account_id = :account AND t.name_lower = lower(:tag))")
    return sql


def search_ids(session: Session, terms: SearchTerms, filters: Filters, *, limit: int,
               after: tuple[int, uuid.UUID] | None) -> list[tuple[uuid.UUID, int]]:
    """Up to ``limit`` (customer id, score) pairs, best first, after the cursor key ``after``."""
    hits = " UNION ALL ".join(_lookups(terms))
    sql = (f"WITH hits(customer_id, score) AS ({hits}), "
           "best AS (SELECT customer_id, max(score) AS score FROM hits GROUP BY customer_id) "
           "SELECT b.customer_id, b.score FROM best b JOIN customers c ON c.id = b.customer_id "
           "WHERE c.account_id = :account" + filter_sql(filters))
    params = {"account": session.info["account_id"], "text": terms.text, "contains": terms.contains,
              "prefix": terms.prefix, "number": terms.number, "digits": terms.digits, "e164": terms.e164,
              "status": filters.status, "tag": filters.tag, "limit": limit}
    if after is not None:
        sql += " AND (b.score, b.customer_id) < (:after_score, :after_id)"
        params.update(after_score=after[0], after_id=after[1])
    sql += " ORDER BY b.score DESC, b.customer_id DESC LIMIT :limit"
    # Every lookup has its index; when the planner overestimates hits it would rather scan the
    # account, which costs the whole table when nothing matches. This (read-only) transaction never scans.
    session.execute(text("SET LOCAL enable_seqscan = off"))
    if _NAME_FUZZY in hits:
        session.execute(text(f"SET LOCAL pg_trgm.word_similarity_threshold = {FUZZY_THRESHOLD}"))
    return [(row.customer_id, row.score) for row in session.execute(text(sql), params)]
