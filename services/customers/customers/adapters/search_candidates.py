"""Candidates of a search tier read from search_words (revision 0006) and the account's vocabulary (0008) alone.

A customer row read to check a name is a random page (at a million customers, mostly not in PostgreSQL's buffers);
the index entries of one word are side by side. So a tier whose typed words each start few words of a name is
answered by reading those words' ranges whole and keeping the customers holding all of them (a hash, no customer
row), and a fragment or a word with a letter off by finding the account's distinct words that hold it; a typo in
one of several words, through the other word's range, each entry carrying its customer's name (revision 0014). Only
the customers left are read, and their row decides, as before.
"""
from __future__ import annotations

import math
import re


def vocabulary_ids(condition: str, also: tuple[str, ...] = (), check: str = "") -> str:
    """The customers holding a name word of the account's vocabulary that meets ``condition``, and a name word
    starting with each LIKE parameter of ``also``; ``check``: what the entry's `name` must pass besides."""
    words = ("SELECT customer_id FROM search_words WHERE account_id = :account AND kind = 'n' AND word = ANY(ARRAY("
             f"SELECT word FROM search_vocabulary WHERE account_id = :account AND kind = 'n' AND {condition}))")
    words += f" AND coalesce({check}, false)" if check else ""
    return " INTERSECT ".join([words] + [f"SELECT customer_id FROM search_words WHERE account_id = :account "
                                         f"AND kind = 'n' AND word LIKE :{start}" for start in also])


def typo_ids(count: int, absent: frozenset[int], counts: tuple[int, ...], counted: int, likeness: float,
             text_likeness: float) -> list[str]:
    """The candidates of a typo among ``count`` typed words, one statement per word that may be the one off: the
    customers holding a word like it (``:typed_<i> <% word``, among the account's distinct words) and words
    starting with the others. None when two typed words start no name word.

    ``counts``: how many name words each typed word starts, up to ``counted``. When another word starts fewer, its
    range of search_words is read (a first name, a few thousand entries side by side) and the typo's checks
    (one_typo, at ``likeness`` and ``text_likeness``) are asked of each entry's copy of the name (revision 0014): no
    customer row is read but those that pass, and the words alike to the one off (every customer of every word
    sharing its first letters) are not read at all."""
    check = one_typo(count, "(' ' || name)", likeness, text_likeness)
    found = []
    for i in range(count):
        if absent - {i}:
            continue
        others = [j for j in range(count) if j != i]
        alike = f":typed_{i} <% word"
        few = [j for j in others if counts and counts[j] < counted]
        if few:
            driving = min(few, key=lambda j: counts[j])
            found.append("SELECT customer_id FROM search_words WHERE account_id = :account AND kind = 'n' AND word "
                         f"LIKE :start_{driving}" + "".join(f" AND (' ' || name) LIKE :word_{j}" for j in others)
                         + " AND coalesce(string_to_array(name, ' ') && ARRAY(SELECT word FROM search_vocabulary "
                         f"WHERE account_id = :account AND kind = 'n' AND {alike}), false) "
                         f"AND coalesce({check}, false)")
        else:
            found.append(vocabulary_ids(alike, tuple(f"start_{j}" for j in others), check=check))
    return found


def starts_a_word(customer: str, kind: str, start: str) -> str:
    """The customer ``customer`` has a word of ``kind`` starting as the LIKE parameter ``start`` says: a probe of
    its own few words in search_words' key, not of its row. In coalesce, so that it stays a check of the row found
    and is not made a join the planner may start from."""
    return (f"coalesce((SELECT true FROM search_words s WHERE s.customer_id = {customer} AND s.kind = '{kind}' "
            f"AND s.word LIKE :{start} LIMIT 1), false)")


def in_order(*candidates: str) -> str:
    """The candidates' ids once each, in id order; ``{after}`` is where a cursor's condition goes."""
    return (f"SELECT DISTINCT customer_id FROM ({' UNION ALL '.join(f'({c})' for c in candidates)}) x "
            "WHERE true{after} ORDER BY customer_id")


def ending_in(parameter: str) -> str:
    """A name word ending as the LIKE pattern ``parameter`` says ('%jonathan'), found among the distinct words."""
    return ("word = ANY(ARRAY(SELECT word FROM search_vocabulary WHERE account_id = :account AND kind = 'n' "
            f"AND word LIKE :{parameter}))")


def holding_all(parts: list[str], drive: str, kind: str = "n") -> str:
    """(customer_id, word): the customers with a word of ``kind`` (name 'n', address 'a') meeting each of ``parts``
    (conditions on `word`), each with its first word matching the LIKE parameter ``drive``, the key a word tier
    orders by."""
    branches = " UNION ALL ".join(f"SELECT customer_id, word, {i} AS part FROM search_words "
                                  f"WHERE account_id = :account AND kind = '{kind}' AND {part}"
                                  for i, part in enumerate(parts))
    return (f"SELECT customer_id, min(word) FILTER (WHERE word LIKE :{drive}) AS word FROM ({branches}) x "
            f"GROUP BY customer_id HAVING {' AND '.join(f'bool_or(part = {i})' for i in range(len(parts)))}")


def _trigrams(word: str) -> list[str]:
    """pg_trgm's trigrams of one word of a-z, in order, once each."""
    padded = f"  {word} "
    return list(dict.fromkeys(padded[i:i + 3] for i in range(len(padded) - 2)))


def _needed(likeness: float, count: int) -> int:
    return max(1, math.ceil(likeness * count - 1e-6))


def rarer_trigrams(typed: list[str], off: int, likeness: float, text_likeness: float) -> list[str]:
    """LIKE patterns a name must match one of to pass the checks of a typo in word ``off`` of the words ``typed``:
    the word at least ``likeness`` alike to the name and the whole text ``text_likeness``.

    word_similarity is at most the share of the typed trigrams found in the name, so an alike name holds at least
    m of the word's n trigrams: at least one of any n - m + 1 of them. The others typed start words of the name,
    so their trigrams are there: left out first, then the word's start, which the words alike share most ("carol"
    for "campebll"). A few LIKEs on the row spare most candidates the word_similarity, which costs several times
    as much. A word pg_trgm would split (not a-z) keeps every row."""
    if not all(re.fullmatch("[a-z]+", word) for word in typed):
        return ["%"]
    own = _trigrams(typed[off])
    others = {trigram for j, word in enumerate(typed) if j != off for trigram in _trigrams(word)} - set(own)
    needed = max(_needed(likeness, len(own)), _needed(text_likeness, len(own) + len(others)) - len(others))
    shared = "".join(f" {word} " for j, word in enumerate(typed) if j != off)
    ranked = sorted(own, key=lambda trigram: trigram.strip() not in shared)  # stable: the start first otherwise
    cores = {trigram.strip() for trigram in ranked[needed - 1:]}
    return sorted(f"%{core}%" for core in cores if not any(other != core and other in core for other in cores))


def one_typo(count: int, words: str, likeness: float, text_likeness: float) -> str:
    """The checks of a typo among ``count`` typed words, said of ``words`` (a name with a leading space): the whole
    text alike, and of several words, all but one starting words of it and that one alike (one_word_off). Those
    costing least come first: each word_similarity reads the name anew."""
    if count == 1:
        return f"({words} LIKE ANY(:rarer_0) AND word_similarity(:text, {words}) >= {text_likeness})"
    return f"(({one_word_off(count, words, likeness)}) AND word_similarity(:text, {words}) >= {text_likeness})"


def rarer_params(typed: list[str], likeness: float, text_likeness: float) -> dict[str, list[str]]:
    """The ``:rarer_<i>`` parameters of one_typo's checks: ``likeness`` asked of the word off among several."""
    one = likeness if len(typed) > 1 else text_likeness
    return {f"rarer_{i}": rarer_trigrams(typed, i, one, text_likeness) for i in range(len(typed))}


def one_word_off(count: int, words: str, likeness: float) -> str:
    """Of several words typed, all but one start words of the name and that one is like a word of it: the whole
    text alike is not enough ("sandra mrphy" is as much like every Sandra). A short word with one letter off keeps
    few of its trigrams ("km" has one of the three of "kim"): the one word needs less likeness than the text.
    Said with strpos, not LIKE, on the candidates' rows (the expression ``words``: the name with a leading space),
    and before the likeness, which costs several times as much and is not computed once a strpos fails."""
    return " OR ".join("(" + " AND ".join(
        [f"strpos({words}, :spaced_{j}) > 0" for j in range(count) if j != i]
        + [f"{words} LIKE ANY(:rarer_{i})", f"word_similarity(:typed_{i}, {words}) >= {likeness}"]) + ")"
        for i in range(count))


def contact_holds(table: str, alias: str, where: str) -> str:
    """The customer `c` has a contact whose row of ``table`` (``alias``) meets ``where``."""
    return (f"EXISTS (SELECT 1 FROM {table} {alias} JOIN contacts ct ON ct.id = {alias}.contact_id "
            f"WHERE ct.customer_id = c.id AND {alias}.account_id = c.account_id AND {where})")


def filter_sql(filters, alias: str = "c") -> str:
    """What the search's filters (``search.Filters``) ask of the customer row ``alias``."""
    sql = f" AND {alias}.merged_into IS NULL"
    if not filters.include_archived:
        sql += f" AND {alias}.archived_at IS NULL"
    if filters.status:
        sql += f" AND {alias}.status = :status"
    if filters.kind:
        sql += f" AND {alias}.kind = :kind"
    if filters.tag:
        sql += (f" AND EXISTS (SELECT 1 FROM tags t WHERE t.customer_id = {alias}.id "
                "AND t.account_id = :account AND t.name_lower = lower(:tag))")
    return sql
