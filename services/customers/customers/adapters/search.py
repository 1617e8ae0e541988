"""The search box: one ranked list over numbers, emails, phones, names, companies and addresses, read a page at a time.

A query is cut into tiers, one per promise of the ranking (number, exact email or phone, exact name, word prefixes
of a name, of an address, name contains, email or phone contains, address contains, one typo). Every customer of a
tier has the tier's score, so a tier is read in customer-id order through its index and only a page's worth of it
(plus one) is kept: the work follows the page, not the number of matches, and nothing is scored one by one.

A customer found by several tiers ranks by its best: the few candidates of a page are scored against every tier.
When a tier is cut at its limit, nothing below its last key is known yet, so the page stops there and the cursor
carries on from that key; this keeps pages free of gaps and repeats however the tiers overlap.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from customers.domain.search_terms import SearchTerms

MIN_CONTAINS = 3   # trigram indexes need three characters; shorter queries match name prefixes only
MIN_FUZZY = 4
# pg_trgm's default (0.6) misses one typo in a ten-letter word ("whitfeld"); 0.5 keeps noise low.
FUZZY_THRESHOLD = 0.5

NUMBER, EXACT_KEY, EXACT_NAME, NAME_PREFIX, ADDRESS_PREFIX = 1000, 900, 800, 700, 600
NAME_CONTAINS, KEY_CONTAINS, ADDRESS_CONTAINS, TYPO = 500, 450, 400, 300

# The indexed expressions of revision 0004 (a leading space makes "a word starts with" a LIKE the index answers).
_WORDS = "(' ' || c.search_name)"
_ADDRESS = "(' ' || lower(pr.line1 || ' ' || pr.city || ' ' || pr.postal_code))"

_EMAILS = ("contact_emails e JOIN contacts ct ON ct.id = e.contact_id "
           "JOIN customers c ON c.id = ct.customer_id AND e.account_id = c.account_id")
_PHONES = ("contact_phones p JOIN contacts ct ON ct.id = p.contact_id "
           "JOIN customers c ON c.id = ct.customer_id AND p.account_id = c.account_id")
_PROPERTIES = "properties pr JOIN customers c ON c.id = pr.customer_id AND pr.account_id = c.account_id"


@dataclass(frozen=True)
class Filters:
    include_archived: bool = False
    status: str | None = None
    tag: str | None = None


@dataclass(frozen=True)
class Tier:
    score: int
    source: str          # FROM clause; the customer is `c`
    where: str           # what the source's row must hold
    holds: str           # the same, said of one customer `c` (scoring the candidates)
    own_row: bool = False  # `holds` reads only the customer row: lower tiers leave such customers out cheaply


def _contact_holds(table: str, alias: str, where: str) -> str:
    return (f"EXISTS (SELECT 1 FROM {table} {alias} JOIN contacts ct ON ct.id = {alias}.contact_id "
            f"WHERE ct.customer_id = c.id AND {alias}.account_id = c.account_id AND {where})")


def _property_holds(where: str) -> str:
    return f"EXISTS (SELECT 1 FROM properties pr WHERE pr.customer_id = c.id AND pr.account_id = c.account_id AND {where})"


def _all_words(expression: str, count: int) -> str:
    return "(" + " AND ".join(f"{expression} LIKE :word_{i}" for i in range(count)) + ")"


def tiers(terms: SearchTerms, *, typo: bool) -> list[Tier]:
    """The tiers a query asks, best first; ``typo`` when no name contains the text (then guessing is worth it)."""
    found = []
    if terms.number:
        where = "c.number = :number"
        found.append(Tier(NUMBER, "customers c", where, where, own_row=True))
    exact_name = "lower(c.display_name) = :text"
    found.append(Tier(EXACT_NAME, "customers c", exact_name, exact_name, own_row=True))
    if len(terms.text) < MIN_CONTAINS:
        # Too short for trigrams: the start of the name, through the btree of names.
        prefix = "lower(c.display_name) LIKE :prefix"
        found.append(Tier(NAME_PREFIX, "customers c", prefix, prefix, own_row=True))
        return found
    email = "e.address_lower = :text"
    found.append(Tier(EXACT_KEY, _EMAILS, email, _contact_holds("contact_emails", "e", email)))
    if terms.e164:
        phone = "p.e164 = :e164"
        found.append(Tier(EXACT_KEY, _PHONES, phone, _contact_holds("contact_phones", "p", phone)))
    name_words = _all_words(_WORDS, len(terms.word_prefixes))
    found.append(Tier(NAME_PREFIX, "customers c", name_words, name_words, own_row=True))
    address_words = _all_words(_ADDRESS, len(terms.word_prefixes))
    found.append(Tier(ADDRESS_PREFIX, _PROPERTIES, address_words, _property_holds(address_words)))
    name_contains = f"{_WORDS} LIKE :contains"
    found.append(Tier(NAME_CONTAINS, "customers c", name_contains, name_contains, own_row=True))
    email_contains = "e.address_lower LIKE :contains"
    found.append(Tier(KEY_CONTAINS, _EMAILS, email_contains, _contact_holds("contact_emails", "e", email_contains)))
    if terms.digits:
        digits = "p.digits LIKE :digits"
        found.append(Tier(KEY_CONTAINS, _PHONES, digits, _contact_holds("contact_phones", "p", digits)))
    address_contains = f"{_ADDRESS} LIKE :contains"
    found.append(Tier(ADDRESS_CONTAINS, _PROPERTIES, address_contains, _property_holds(address_contains)))
    if typo:
        fuzzy = f":text <% {_WORDS}"
        found.append(Tier(TYPO, "customers c", fuzzy, fuzzy, own_row=True))
    return found


def wants_typo(session: Session, terms: SearchTerms) -> bool:
    """Typo tolerance only when no name contains the text: a query that matches names as typed needs no guessing."""
    if len(terms.text) < MIN_FUZZY or "@" in terms.text or terms.digits:
        return False
    sql = f"SELECT NOT EXISTS (SELECT 1 FROM customers c WHERE c.account_id = :account AND {_WORDS} LIKE :contains)"
    return bool(session.execute(text(sql), {"account": session.info["account_id"],
                                            "contains": terms.contains}).scalar())


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


def _candidates_sql(found: list[Tier], filters: Filters, after: tuple[int, uuid.UUID] | None) -> str:
    """One limited, id-ordered read per tier the cursor has not passed, each naming its tier."""
    parts = []
    for index, tier in enumerate(found):
        if after is not None and tier.score > after[0]:
            continue
        better = [t.holds for t in found if t.score > tier.score and t.own_row]
        distinct = "" if tier.own_row else "DISTINCT "  # a customer has several contacts and properties
        sql = (f"SELECT {distinct}c.id AS customer_id, {index} AS tier FROM {tier.source} "
               f"WHERE c.account_id = :account AND {tier.where}" + filter_sql(filters))
        sql += "".join(f" AND NOT coalesce({holds}, false)" for holds in better)
        if after is not None and tier.score == after[0]:
            sql += " AND c.id < :after_id"
        parts.append(f"(SELECT customer_id, tier FROM ({sql}) t ORDER BY customer_id DESC LIMIT :fetch)")
    return " UNION ALL ".join(parts)


def _scores_sql(found: list[Tier]) -> str:
    cases = ", ".join(f"CASE WHEN {tier.holds} THEN {tier.score} END" for tier in found)
    return (f"SELECT c.id, GREATEST({cases}) AS score FROM customers c "
            "WHERE c.account_id = :account AND c.id = ANY(:ids)")


def search_ids(session: Session, terms: SearchTerms, filters: Filters, *, limit: int,
               after: tuple[int, uuid.UUID] | None) -> tuple[list[tuple[uuid.UUID, int]], tuple[int, uuid.UUID] | None]:
    """Up to ``limit`` (customer id, score) pairs, best first, after the cursor key ``after``; and the key to carry on
    from (None at the end)."""
    # Every lookup has its index; when the planner overestimates hits it would rather scan the
    # account, which costs the whole table when nothing matches. This (read-only) transaction never scans.
    session.execute(text("SET LOCAL enable_seqscan = off"))
    typo = wants_typo(session, terms)
    if typo:
        session.execute(text(f"SET LOCAL pg_trgm.word_similarity_threshold = {FUZZY_THRESHOLD}"))
    found = tiers(terms, typo=typo)
    params = {"account": session.info["account_id"], "text": terms.text, "contains": terms.contains,
              "prefix": terms.prefix, "number": terms.number, "digits": terms.digits, "e164": terms.e164,
              "status": filters.status, "tag": filters.tag, "fetch": limit + 1,
              **{f"word_{i}": pattern for i, pattern in enumerate(terms.word_prefixes)}}
    if after is not None:
        params["after_id"] = after[1]
    sql = _candidates_sql(found, filters, after)
    if not sql:
        return [], None
    by_tier: dict[int, list[uuid.UUID]] = {}
    for row in session.execute(text(sql), params):
        by_tier.setdefault(row.tier, []).append(row.customer_id)
    # A tier cut at its limit is only known down to its last key: the page must not reach past it.
    frontier = max(((found[t].score, min(ids)) for t, ids in by_tier.items() if len(ids) > limit), default=None)
    ids = list({i for tier_ids in by_tier.values() for i in tier_ids})
    if not ids:
        return [], None
    scored = [(row.score, row.id) for row in session.execute(text(_scores_sql(found)), {**params, "ids": ids})]
    keys = sorted((key for key in scored if (after is None or key < after) and (frontier is None or key >= frontier)),
                  reverse=True)
    if len(keys) > limit:
        return [(i, s) for s, i in keys[:limit]], keys[limit - 1]
    return [(i, s) for s, i in keys], frontier
