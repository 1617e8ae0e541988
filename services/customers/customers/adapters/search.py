"""The search box: one ranked list over numbers, emails, phones, names, companies and addresses, read a page at a time.

A query is cut into tiers, one per promise of the ranking (number, exact email or phone, exact name, word prefixes
of a name, of an address, name contains, email or phone contains, address contains, one typo). Every customer of a
tier has the tier's score, so a tier is read in customer-id order through its index and only a page's worth of it
(plus one) is kept: the work follows the page, not the number of matches, and nothing is scored one by one.

Tiers are read best first and reading stops once more than a page is known. A customer found by several tiers ranks
by the best (the first to find it): a tier leaves out customers a better tier on the customer row ranks, and one the
cursor has passed is asked only about the few customers found below it. When a tier is cut at its limit, nothing
below its last key is known yet, so the page stops there and the cursor carries on from that key; this keeps pages
free of gaps and repeats however the tiers overlap.
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


def tiers(terms: SearchTerms) -> list[Tier]:
    """The tiers a query asks, best first."""
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
    # A property whose address starts with the text is ranked by the tier above: left out before its customer is read.
    found.append(Tier(ADDRESS_CONTAINS, _PROPERTIES, f"{address_contains} AND NOT {address_words}",
                      _property_holds(address_contains)))
    if len(terms.text) >= MIN_FUZZY and "@" not in terms.text and not any(ch.isdigit() for ch in terms.text):
        # Typo tolerance only when no name contains the text: a query that matches names as typed needs no guessing.
        fuzzy = (f"(:text <% {_WORDS} AND NOT EXISTS (SELECT 1 FROM customers n WHERE n.account_id = :account "
                 "AND (' ' || n.search_name) LIKE :contains))")
        found.append(Tier(TYPO, "customers c", fuzzy, fuzzy, own_row=True))
    return found


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


def _tier_sql(found: list[Tier], index: int, filters: Filters, after: tuple[int, uuid.UUID] | None) -> str:
    """The first ids of one tier in id order, leaving out those a better tier on the customer row already ranks."""
    tier = found[index]
    distinct = "" if tier.own_row else "DISTINCT "  # a customer has several contacts and properties
    sql = (f"SELECT {distinct}c.id AS customer_id FROM {tier.source} "
           f"WHERE c.account_id = :account AND {tier.where}" + filter_sql(filters))
    sql += "".join(f" AND NOT coalesce({t.holds}, false)" for t in found if t.score > tier.score and t.own_row)
    if after is not None and tier.score == after[0]:
        sql += " AND c.id < :after_id"
    # OFFSET 0 keeps the order and limit out of the tier's own plan: pushed in, they tempt the planner into walking
    # the primary key backwards and filtering, which reads the whole table when a tier is empty.
    return f"(SELECT customer_id, {index} AS tier FROM ({sql} OFFSET 0) t ORDER BY customer_id DESC LIMIT :fetch)"


# Every lookup has its index; when the planner overestimates hits it would rather scan the account, which costs the
# whole table when nothing matches: this (read-only) transaction never scans. Contacts and properties reach their
# customer through its primary key, one probe per hit; hashing or sorting the account's customers instead reads the
# whole account. A page's lookups are small: parallel workers cost more than they save and take others' cores.
_SETTINGS = ("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), "
             "set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), "
             f"set_config('pg_trgm.word_similarity_threshold', '{FUZZY_THRESHOLD}', true)")
# Tiers read in one statement a round, a round only when those above left the page short: exact keys and name
# prefixes; then address prefixes and name contains; then the contacts' keys, addresses that contain, typos. A
# fragment of a name is in thousands of emails too: those are read only when the names did not fill the page.
_ROUNDS = ((NAME_PREFIX, NUMBER), (NAME_CONTAINS, ADDRESS_PREFIX), (TYPO, KEY_CONTAINS))


def search_ids(session: Session, terms: SearchTerms, filters: Filters, *, limit: int,
               after: tuple[int, uuid.UUID] | None) -> tuple[list[tuple[uuid.UUID, int]], tuple[int, uuid.UUID] | None]:
    """Up to ``limit`` (customer id, score) pairs, best first, after the cursor key ``after``; and the key to carry on
    from (None at the end).

    Reading stops once more than a page is known: a worse tier can only add customers below those.
    """
    session.execute(text(_SETTINGS))
    found = tiers(terms)
    params = {"account": session.info["account_id"], "text": terms.text, "contains": terms.contains,
              "prefix": terms.prefix, "number": terms.number, "digits": terms.digits, "e164": terms.e164,
              "status": filters.status, "tag": filters.tag, "fetch": limit + 1,
              **{f"word_{i}": pattern for i, pattern in enumerate(terms.word_prefixes)}}
    if after is not None:
        params["after_id"] = after[1]
    best: dict[uuid.UUID, int] = {}
    frontier = None  # a tier cut at its limit is only known down to its last key: the page must not reach past it
    passed = [t for t in found if after is not None and t.score > after[0]]
    keys: list[tuple[int, uuid.UUID]] = []
    for low, high in _ROUNDS:
        indexes = [i for i, t in enumerate(found) if low <= t.score <= high and t not in passed]
        if not indexes:
            continue
        sql = " UNION ALL ".join(_tier_sql(found, i, filters, after) for i in indexes)
        by_tier: dict[int, list[uuid.UUID]] = {}
        for row in session.execute(text(sql), params):
            by_tier.setdefault(row.tier, []).append(row.customer_id)
        read: dict[uuid.UUID, int] = {}
        for tier, ids in by_tier.items():
            score = found[tier].score
            if len(ids) > limit and (frontier is None or (score, min(ids)) > frontier):
                frontier = (score, min(ids))
            for customer_id in ids:
                read[customer_id] = max(read.get(customer_id, 0), score)
        new = read.keys() - best.keys()
        if passed and new:
            # Tiers the cursor has passed are not read again: a customer they rank was listed on an earlier page.
            new -= _ranked_by(session, passed, list(new), params)
        best.update({customer_id: read[customer_id] for customer_id in new})
        keys = sorted(((s, i) for i, s in best.items() if frontier is None or (s, i) >= frontier), reverse=True)
        if len(keys) > limit:
            break
    if len(keys) > limit:
        return [(i, s) for s, i in keys[:limit]], keys[limit - 1]
    return [(i, s) for s, i in keys], frontier


def _ranked_by(session: Session, passed: list[Tier], ids: list[uuid.UUID], params: dict) -> set[uuid.UUID]:
    holds = " OR ".join(f"coalesce({t.holds}, false)" for t in passed)
    sql = f"SELECT c.id FROM customers c WHERE c.account_id = :account AND c.id = ANY(:ids) AND ({holds})"
    return {row.id for row in session.execute(text(sql), {**params, "ids": ids})}
