"""The search box: one ranked list over numbers, emails, phones, names, companies and addresses, read a page at a time.

A query is cut into tiers, one per promise of the ranking (number, exact email or phone, exact name, word prefixes
of a name, of an address, name contains, email or phone contains, address contains, one typo). Every customer of a
tier has the tier's score; within a tier the word tiers are read in (word, customer id) order from the btree of
`search_words` (revision 0006) and the others in customer-id order, and only a page's worth of a tier (plus one) is
kept. The word tiers (word prefixes; the contains tiers of several words when a later word starts few) stop after a
page of their index; the others read a trigram GIN index, and are asked only when the tiers above left the page short.

Tiers are read best first and reading stops once more than a page is known. A customer found by several tiers ranks
by the best (the first to find it): a tier leaves out customers a better tier on the customer row ranks, and a
customer a tier ranks up to the cursor key is left out of the pages after it. When a tier is cut at its limit, nothing
below its last key is known yet, so what is known stops there and reading carries on from that key until the page
is full; this keeps pages full and free of gaps and repeats however the tiers overlap.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from customers.adapters.search_wire import counted, listed_before, together
from customers.adapters.search_candidates import (contact_holds, ending_in, filter_sql, holding_all, in_order,
                                                  one_typo, rarer_params, starts_a_word, typo_ids, vocabulary_ids)
from customers.domain.search_terms import SearchTerms, like_escape

MIN_CONTAINS = 3   # trigram indexes need three characters; shorter queries match word starts and numbers only
MIN_FUZZY = 4
# pg_trgm's default (0.6) misses one typo in a ten-letter word ("whitfeld"); 0.5 keeps noise low.
FUZZY_THRESHOLD = 0.5
ONE_WORD_LIKENESS = 0.3  # the word off, in a typo among several words (one_word_off)
# The distinct words a typo's candidates hold one of: less alike than the check of the word off asks, so that a name
# alike only across two of its words ("smith smith dental" for "simth") is still one.
VOCABULARY_LIKENESS = 0.2
# A contains tier of several words is walked through the words a later word starts when they are at most this many
# (a last name); past that (a street name shared by thousands) the trigram index of the whole text reads less.
WALKED = 1000
# How many words of a typed word's index range are counted to choose the one a many-word query is read by.
COUNTED = 5000
WHOLE = COUNTED  # of several words typed, when the words they start are fewer (counted exactly), read them whole

NUMBER, EXACT_KEY, EXACT_NAME, NAME_PREFIX, ADDRESS_PREFIX = 1000, 900, 800, 700, 600
NAME_CONTAINS, KEY_CONTAINS, ADDRESS_CONTAINS, TYPO = 500, 450, 400, 300

# The indexed expressions of revision 0004 (a leading space makes "a word starts with" a LIKE the index answers);
# revision 0006 splits the same texts into search_words (kind 'n' and 'a'; 0014 keeps the name beside a name word).
_WORDS = "(' ' || c.search_name)"
_ADDRESS = "(' ' || lower(pr.line1 || ' ' || pr.city || ' ' || pr.postal_code))"

_EMAILS = ("contact_emails e JOIN contacts ct ON ct.id = e.contact_id "
           "JOIN customers c ON c.id = ct.customer_id AND e.account_id = c.account_id")
_PHONES = ("contact_phones p JOIN contacts ct ON ct.id = p.contact_id "
           "JOIN customers c ON c.id = ct.customer_id AND p.account_id = c.account_id")
_PROPERTIES = "properties pr JOIN customers c ON c.id = pr.customer_id AND pr.account_id = c.account_id"
_SEARCH_WORDS = "search_words w JOIN customers c ON c.id = w.customer_id AND c.account_id = w.account_id"

Key = tuple[int, str, uuid.UUID]  # (score, word, customer id); word is "" outside the word tiers


def order(key: Key) -> tuple:
    """Best first: the higher score, then the word, then the customer id."""
    return -key[0], key[1], key[2]


@dataclass(frozen=True)
class Filters:
    include_archived: bool = False
    status: str | None = None
    tag: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Tier:
    score: int
    source: str          # FROM clause; the customer is `c`
    where: str           # what the source's row must hold
    holds: str           # the same, said of one customer `c` (scoring the candidates)
    own_row: bool = False  # `holds` reads only the customer row: lower tiers leave such customers out cheaply
    words: str | None = None  # the search_words kind this tier is read from, in (word, customer) order
    drive: str = ""           # the parameter of the typed word it is read by
    ids: str | None = None    # or: its candidates' ids in order ({after} marks where the cursor goes), then checked
    gate: str = ""            # uncorrelated, part of `holds`: checked once, before any candidate is read


def _property_holds(where: str) -> str:
    return ("EXISTS (SELECT 1 FROM properties pr WHERE pr.customer_id = c.id AND pr.account_id = c.account_id "
            f"AND {where})")


def _all_words(expression: str, count: int) -> str:
    return "(" + " AND ".join(f"{expression} LIKE :word_{i}" for i in range(count)) + ")"


def _word_tier(score: int, kind: str, holds: str, own_row: bool, rest: str | None, drive: str = "",
               starting: int = 0) -> Tier:
    """A tier read through search_words by the typed word `:drive_<kind><drive>`; `rest` checks the other words
    typed. A customer is listed at the first of its words that matches (it may have several). ``starting``: so many
    typed words (`:start_<i>`) must each start a word of the customer's kind, probed among its own words first."""
    drive = f"drive_{kind}{drive}"
    where = (f"w.kind = '{kind}' AND w.word LIKE :{drive} AND NOT EXISTS (SELECT 1 FROM search_words v "
             f"WHERE v.customer_id = w.customer_id AND v.kind = '{kind}' AND v.word LIKE :{drive} "
             "AND v.word < w.word)")
    if starting > 1:
        where += "".join(f" AND {starts_a_word('w.customer_id', kind, f'start_{i}')}" for i in range(starting))
    # `rest` inside coalesce: a bare EXISTS would become a join the planner may start from (the trigram index of
    # every property), not the walk of the typed word's index range this tier is for.
    return Tier(score, _SEARCH_WORDS, f"{where} AND coalesce({rest}, false)" if rest else where, holds,
                own_row=own_row, words=kind, drive=drive)


def tiers(terms: SearchTerms, walk: frozenset[str] = frozenset(), counts: tuple[int, ...] = (),
          address_counts: tuple[int, ...] = ()) -> list[Tier]:
    """The tiers a query asks, best first; ``walk`` holds the kinds of words ('n', 'a') whose contains tier is
    read by a word after the first (see WALKED); ``counts`` and ``address_counts``, of several words typed, how many
    name and address words each starts (up to COUNTED)."""
    found = []
    many = len(terms.word_prefixes) > 1
    typed = terms.text.split()
    absent = frozenset(i for i, count in enumerate(counts) if count == 0)
    # Of several words typed, when each starts few name words, their ranges are read whole (search_candidates).
    whole = many and sum(counts) < WHOLE
    later = [f"word LIKE :start_{j}" for j in range(1, len(typed))]
    contained = holding_all([ending_in("ending")] + later, "drive_n_after_first") if (
        whole and len(typed[0]) >= MIN_CONTAINS) else None
    if terms.number:
        where = "c.number = :number"
        found.append(Tier(NUMBER, "customers c", where, where, own_row=True))
    exact_name = "lower(c.display_name) = :text"
    found.append(Tier(EXACT_NAME, "customers c", exact_name, exact_name, own_row=True))
    name_words = _all_words(_WORDS, len(terms.word_prefixes))
    if absent:  # a typed word starts no name word: no name has them all
        pass
    elif whole:
        found.append(Tier(NAME_PREFIX, "customers c", name_words, name_words, own_row=True, words="n", drive="drive_n",
                          ids=holding_all([f"word LIKE :start_{i}" for i in range(len(typed))], "drive_n")))
    else:
        found.append(_word_tier(NAME_PREFIX, "n", name_words, True, name_words if many else None,
                                starting=len(typed)))
    if len(terms.text) < MIN_CONTAINS:
        return found
    email = "e.address_lower = :text"
    found.append(Tier(EXACT_KEY, _EMAILS, email, contact_holds("contact_emails", "e", email)))
    if terms.e164:
        phone = "p.e164 = :e164"
        found.append(Tier(EXACT_KEY, _PHONES, phone, contact_holds("contact_phones", "p", phone)))
    address_words = _all_words(_ADDRESS, len(terms.word_prefixes))
    if 0 in address_counts:  # a typed word starts no address word: no property holds them all
        pass
    elif many and address_counts and sum(address_counts) < WHOLE:  # a house number and a street, as a name's words
        found.append(Tier(ADDRESS_PREFIX, "customers c", _property_holds(address_words),
                          _property_holds(address_words), words="a", drive="drive_a", ids=holding_all(
                              [f"word LIKE :start_{i}" for i in range(len(typed))], "drive_a", kind="a")))
    else:
        found.append(_word_tier(ADDRESS_PREFIX, "a", _property_holds(address_words), False,
                                _property_holds(address_words) if many else None, starting=len(typed)))
    name_contains = f"{_WORDS} LIKE :contains"
    # Of several words typed, every one after the first follows a space: it starts a word wherever the text is
    # contained. The contains tiers are then read by such a word, in order, not from the trigram index (which
    # reads every trigram of a long text and is dear for a full name).
    if absent - {0}:
        pass  # a word after the first starts no name word, as it would in a name containing the text
    elif contained:
        found.append(Tier(NAME_CONTAINS, "customers c", name_contains, name_contains, own_row=True, words="n",
                          drive="drive_n_after_first", ids=contained))
    elif many and "n" in walk:
        found.append(_word_tier(NAME_CONTAINS, "n", name_contains, True, name_contains, drive="_after_first"))
    elif not many:
        # A text without a space is contained in a name when it is in one of its words: those are found among the
        # account's distinct words, and their customers are read in id order.
        found.append(Tier(NAME_CONTAINS, "customers c", name_contains, name_contains, own_row=True,
                          ids=in_order(vocabulary_ids("word LIKE :contains"))))
    else:
        found.append(Tier(NAME_CONTAINS, "customers c", name_contains, name_contains, own_row=True))
    if " " not in terms.text:  # an email address has no space: its trigram lookup would find nothing
        email_contains = "e.address_lower LIKE :contains"
        found.append(Tier(KEY_CONTAINS, _EMAILS, email_contains,
                          contact_holds("contact_emails", "e", email_contains)))
    if terms.digits:
        digits = "p.digits LIKE :digits"
        found.append(Tier(KEY_CONTAINS, _PHONES, digits, contact_holds("contact_phones", "p", digits)))
    address_contains = f"{_ADDRESS} LIKE :contains"
    if many and "a" in walk:
        found.append(_word_tier(ADDRESS_CONTAINS, "a", _property_holds(address_contains), False,
                                _property_holds(address_contains), drive="_after_first"))
    else:
        # A property whose address starts with the text is ranked by the tier above: left out before its customer
        # is read.
        found.append(Tier(ADDRESS_CONTAINS, _PROPERTIES, f"{address_contains} AND NOT {address_words}",
                          _property_holds(address_contains)))
    if len(terms.text) >= MIN_FUZZY and "@" not in terms.text and not any(ch.isdigit() for ch in terms.text):
        # Typo tolerance only when no name contains the text (a query matching names as typed needs no guessing); the
        # candidates (search_candidates.typo_ids) pass the checks on their entries' copy of the name, then on the row.
        if not many:
            guard = ("NOT EXISTS (SELECT 1 FROM search_words g WHERE g.account_id = :account AND g.kind = 'n' AND "
                     "g.word = ANY(ARRAY(SELECT word FROM search_vocabulary WHERE account_id = :account "
                     "AND kind = 'n' AND word LIKE :contains)))")
        elif absent - {0}:
            guard = "true"  # no name holds a word the text would make it start
        elif contained:
            guard = ("NOT EXISTS (SELECT 1 FROM customers n WHERE n.account_id = :account AND n.id IN "
                     f"(SELECT customer_id FROM ({contained}) g) AND (' ' || n.search_name) LIKE :contains)")
        elif "n" in walk:  # read by a word after the first, as the contains tier is
            guard = ("NOT EXISTS (SELECT 1 FROM search_words g JOIN customers n ON n.id = g.customer_id "
                     "WHERE g.account_id = :account AND g.kind = 'n' AND g.word LIKE :drive_n_after_first "
                     "AND (' ' || n.search_name) LIKE :contains)")
        else:
            # Counted, not asked with EXISTS: EXISTS is planned for its first row, and the planner would rather walk
            # the account's customers than the trigram index, which reads every customer when none matches.
            guard = ("(SELECT count(*) FROM customers n WHERE n.account_id = :account "
                     "AND (' ' || n.search_name) LIKE :contains) = 0")
        fuzzy = one_typo(len(typed), _WORDS, ONE_WORD_LIKENESS, FUZZY_THRESHOLD)
        candidates = typo_ids(len(typed), absent, counts, COUNTED, ONE_WORD_LIKENESS, FUZZY_THRESHOLD)
        if candidates:
            found.append(Tier(TYPO, "customers c", fuzzy, f"({fuzzy} AND {guard})", own_row=True,
                              ids=in_order(*candidates), gate="" if guard == "true" else guard))
    return found


def _tier_sql(found: list[Tier], index: int, filters: Filters, after: Key | None) -> str:
    """The first keys of one tier in its order, leaving out those a better tier on the customer row already ranks."""
    tier = found[index]
    # Candidates read by id are checked on their rows: in coalesce, the check is no index condition to start from.
    where = f"c.account_id = :account AND {f'coalesce({tier.where}, false)' if tier.ids else tier.where}"
    where += filter_sql(filters)
    if tier.score == TYPO:
        # No typo is looked for while a name equal to the text is there, on any page: uncorrelated, the plan checks
        # it once before reading a candidate (the typo tier may be read in the message that finds that name).
        where += (" AND NOT EXISTS (SELECT 1 FROM customers x WHERE x.account_id = :account "
                  f"AND lower(x.display_name) = :text{filter_sql(filters, 'x')})")
    where += f" AND {tier.gate}" if tier.gate else ""
    where += "".join(f" AND NOT coalesce({t.holds}, false)" for t in found if t.score > tier.score and t.own_row)
    sql = f"FROM {tier.source} WHERE {where}"
    if tier.words and tier.ids:
        if after is not None and tier.score == after[0]:
            where += " AND (w.word, w.customer_id) > (:after_word, :after_id)"
        return (f"(SELECT w.customer_id, w.word, {index} AS tier FROM ({tier.ids}) w JOIN customers c "
                f"ON c.id = w.customer_id WHERE {where} ORDER BY w.word, w.customer_id LIMIT :fetch)")
    if tier.words:
        if after is not None and tier.score == after[0]:
            sql += " AND (w.word, w.customer_id) > (:after_word, :after_id)"
        # The order is the btree's (account, kind, word, customer): the limit stops the walk after a page.
        return (f"(SELECT w.customer_id, w.word, {index} AS tier {sql} "
                "ORDER BY w.word, w.customer_id LIMIT :fetch)")
    cursor = " AND customer_id > :after_id" if after is not None and tier.score == after[0] else ""
    if tier.ids:
        # The candidates sorted first, then their customer rows in that order until the page is full.
        return (f"(SELECT c.id AS customer_id, '' COLLATE \"C\" AS word, {index} AS tier FROM "
                f"({tier.ids.format(after=cursor)}) w JOIN customers c ON c.id = w.customer_id "
                f"WHERE {where} ORDER BY w.customer_id LIMIT :fetch)")
    if cursor:
        sql += " AND c.id > :after_id"
    distinct = "" if tier.own_row else "DISTINCT "  # a customer has several contacts and properties
    # OFFSET 0 keeps the order and limit out of the tier's own plan: pushed in, they tempt the planner into walking
    # the primary key and filtering, which reads the whole table when a tier is empty.
    return (f"(SELECT customer_id, '' COLLATE \"C\" AS word, {index} AS tier "
            f"FROM (SELECT {distinct}c.id AS customer_id {sql} OFFSET 0) t ORDER BY customer_id LIMIT :fetch)")


# Every lookup has its index; when the planner overestimates hits it would rather scan the account, which costs the
# whole table when nothing matches: this (read-only) transaction never scans. Contacts and properties reach their
# customer through its primary key, one probe per hit; hashing or sorting the account's customers instead reads the
# whole account. A page's lookups are small: parallel workers cost more than they save and take others' cores.
# psycopg prepares a statement run five times, and after five more PostgreSQL may keep one generic plan for it: a
# generic plan knows no LIKE prefix, so it walks the account's whole range of an index for every typed word. Each
# search's statements are planned for their values (the parse is still saved).
_SETTINGS = ("SELECT set_config('enable_seqscan', 'off', true) AS scan, set_config('enable_hashjoin', 'off', true) AS "
             "hash, set_config('enable_mergejoin', 'off', true) AS merge, set_config("
             "'max_parallel_workers_per_gather', '0', true) AS parallel, "
             "set_config('plan_cache_mode', 'force_custom_plan', true) AS plans, "
             f"set_config('pg_trgm.word_similarity_threshold', '{VOCABULARY_LIKENESS}', true) AS likeness")
# Tiers read in one statement a round, a round only when those above left the page short: exact keys and name
# prefixes; then address prefixes and name contains; then the contacts' keys, addresses that contain, typos. A
# fragment of a name is in thousands of emails too: those are read only when the names did not fill the page.
_ROUNDS = ((NAME_PREFIX, NUMBER), (NAME_CONTAINS, ADDRESS_PREFIX), (TYPO, KEY_CONTAINS))
# A text with a space, a digit or an @ is in few emails, phones, addresses or names as a fragment: the last two
# rounds cost less read in one statement than in two round trips.
_SPECIFIC_ROUNDS = ((NAME_PREFIX, NUMBER), (TYPO, ADDRESS_PREFIX))


def _rounds(terms: SearchTerms) -> tuple[tuple[int, int], ...]:
    specific = " " in terms.text or "@" in terms.text or any(ch.isdigit() for ch in terms.text)
    return _SPECIFIC_ROUNDS if specific else _ROUNDS


def _prepare(session: Session, terms: SearchTerms, filters: Filters) -> tuple[dict, list[Tier], bool]:
    """The statement's parameters, the tiers, and whether the transaction's settings are made. Of several words
    typed, the settings are made with the counts that choose the word each word tier is read by (the one starting
    the fewest words; the others are checked on the rows it finds), the kinds of words whose contains tier is walked
    and how many name words each typed word starts. A query of one word needs no counting to know its tiers: the
    settings go in the same message as its first round (_read)."""
    starts = [pattern[2:] for pattern in terms.word_prefixes]  # "% jam%" → "jam%"
    params = {"account": session.info["account_id"], "text": terms.text, "contains": terms.contains,
              "number": terms.number, "digits": terms.digits, "e164": terms.e164, "status": filters.status,
              "tag": filters.tag, "kind": filters.kind,
              **{f"word_{i}": pattern for i, pattern in enumerate(terms.word_prefixes)},
              **{f"start_{i}": start for i, start in enumerate(starts)},
              **{f"typed_{i}": word for i, word in enumerate(terms.text.split())},
              **{f"spaced_{i}": f" {word}" for i, word in enumerate(terms.text.split())},
              **rarer_params(terms.text.split(), ONE_WORD_LIKENESS, FUZZY_THRESHOLD),
              "ending": f"%{like_escape(terms.text.split()[0])}" if terms.text else None}
    if len(starts) <= 1:
        params.update(drive_n=starts[0] if starts else "", drive_a=starts[0] if starts else "")
        return params, tiers(terms), False
    row = session.execute(text(_SETTINGS + ", " + counted(len(terms.word_prefixes), COUNTED)), params).mappings().one()
    walk = set()
    for kind in "na":
        fewest = min(range(len(starts)), key=lambda i: (row[f"{kind}_{i}"], -len(starts[i])))
        params[f"drive_{kind}"] = starts[fewest]
        after_first = min(range(1, len(starts)), key=lambda i: (row[f"{kind}_{i}"], -len(starts[i])))
        params[f"drive_{kind}_after_first"] = starts[after_first]
        if row[f"{kind}_{after_first}"] <= WALKED:
            walk.add(kind)
    counts = tuple(row[f"n_{i}"] for i in range(len(starts)))
    address_counts = tuple(row[f"a_{i}"] for i in range(len(starts)))
    return params, tiers(terms, frozenset(walk), counts, address_counts), True


def search_ids(session: Session, terms: SearchTerms, filters: Filters, *, limit: int,
               after: Key | None) -> tuple[list[tuple[uuid.UUID, Key]], Key | None]:
    """Up to ``limit`` (customer id, key) pairs, best first, after the cursor key ``after``; and the key to carry on
    from (None at the end). The page is full whenever that many matches are left."""
    params, found, settled = _prepare(session, terms, filters)
    hits: list[tuple[uuid.UUID, Key]] = []
    fetch = limit + 1
    while True:
        more, carry_on, settled = _read(session, found, filters, params, _rounds(terms), fetch=fetch, after=after,
                                        settled=settled)
        hits += more
        if len(hits) > limit:
            return hits[:limit], hits[limit - 1][1]
        if carry_on is None:
            return hits, None
        if len(hits) == limit:
            return hits, carry_on
        # A tier cut at its limit held customers ranked already: carry on below it, reading more at a time.
        after, fetch = carry_on, fetch * 2


def _read(session: Session, found: list[Tier], filters: Filters, params: dict, rounds: tuple[tuple[int, int], ...],
          *, fetch: int, after: Key | None, settled: bool) -> tuple[list[tuple[uuid.UUID, Key]], Key | None, bool]:
    """What the tiers tell for sure after ``after``, best first (more than fetch - 1 once the page can be full),
    the key down to which it is known when a tier was cut (None when everything was read), and whether the
    transaction's settings are made (when not, they go in the message of the first round read)."""
    params = {**params, "fetch": fetch}
    if after is not None:
        params.update(after_word=after[1], after_id=after[2])
    best: dict[uuid.UUID, Key] = {}
    frontier: Key | None = None  # a tier cut at its limit is only known down to its last key
    passed = [t for t in found if after is not None and t.score > after[0]]
    known: list[tuple[uuid.UUID, Key]] = []
    asked = [ix for ix in (tuple(i for i, t in enumerate(found) if low <= t.score <= high and t not in passed)
                           for low, high in rounds) if ix]
    sql = [" UNION ALL ".join(_tier_sql(found, i, filters, after) for i in ix) for ix in asked[:1]]
    ahead: list = []
    if rounds == _SPECIFIC_ROUNDS:
        # The second round is asked for most such texts (a full name has a dozen namesakes, a phone or an email one
        # customer): both go in one message.
        sql += [" UNION ALL ".join(_tier_sql(found, i, filters, after) for i in ix) for ix in asked[1:]]
        ahead = together(session, ([] if settled else [(_SETTINGS, params)]) + [(q, params) for q in sql])
        ahead, settled = ahead[len(ahead) - len(sql):], True
    for k, indexes in enumerate(asked):
        if ahead:
            rows = ahead[k]
        else:
            statement = sql[k] if k < len(sql) else " UNION ALL ".join(
                _tier_sql(found, i, filters, after) for i in indexes)
            rows = session.execute(text(statement), params) if settled else together(
                session, [(_SETTINGS, params), (statement, params)])[1]
            settled = True
        by_tier: dict[int, list[Key]] = {}
        for row in rows:
            if found[row.tier] not in passed:  # a typo tier read ahead, once a name equal to the text is found
                by_tier.setdefault(row.tier, []).append((found[row.tier].score, row.word, row.customer_id))
        if any(found[i].score == EXACT_NAME for i in by_tier):
            # A name equal to the text contains it: the typo tier would find nobody, and it is not asked.
            passed += [t for t in found if t.score == TYPO]
        read: dict[uuid.UUID, Key] = {}
        for keys in by_tier.values():
            if len(keys) >= fetch:
                last = max(keys, key=order)
                if frontier is None or order(last) < order(frontier):
                    frontier = last
            for key in keys:
                if key[2] not in read or order(key) < order(read[key[2]]):
                    read[key[2]] = key
        new = read.keys() - best.keys()
        if after is not None and new:
            # Tiers are read only after the cursor: a customer they rank up to it was listed on an earlier page.
            new -= listed_before(session, found, after, list(new), params)
        best.update({customer_id: read[customer_id] for customer_id in new})
        known = sorted(((i, k) for i, k in best.items() if frontier is None or order(k) <= order(frontier)),
                       key=lambda hit: order(hit[1]))
        if len(known) >= fetch:
            break
    return known, frontier, settled
