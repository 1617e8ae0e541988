"""Candidates of a search tier read from search_words (revision 0006) and the account's vocabulary (0008) alone.

A customer row read to check a name is a random page (at a million customers, mostly not in PostgreSQL's buffers);
the index entries of one word are side by side. So a tier whose typed words each start few words of a name is
answered by reading those words' ranges whole and keeping the customers holding all of them (a hash, no customer
row), and a fragment or a word with a letter off by finding the account's distinct words that hold it. Only the
customers left are read, and their row decides, as before.
"""
from __future__ import annotations


def vocabulary_ids(condition: str, also: tuple[str, ...] = ()) -> str:
    """The customers holding a name word of the account's vocabulary that meets ``condition``, and a name word
    starting with each LIKE parameter of ``also``."""
    words = ("SELECT customer_id FROM search_words WHERE account_id = :account AND kind = 'n' AND word = ANY(ARRAY("
             f"SELECT word FROM search_vocabulary WHERE account_id = :account AND kind = 'n' AND {condition}))")
    return " INTERSECT ".join([words] + [f"SELECT customer_id FROM search_words WHERE account_id = :account "
                                         f"AND kind = 'n' AND word LIKE :{start}" for start in also])


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


def one_word_off(count: int, words: str, likeness: float) -> str:
    """Of several words typed, all but one start words of the name and that one is like a word of it: the whole
    text alike is not enough ("sandra mrphy" is as much like every Sandra). A short word with one letter off keeps
    few of its trigrams ("km" has one of the three of "kim"): the one word needs less likeness than the text.
    Said with strpos, not LIKE, on the candidates' rows (the expression ``words``: the name with a leading space)."""
    return " OR ".join("(" + " AND ".join(
        f"strpos({words}, :spaced_{j}) > 0" if j != i
        else f"word_similarity(:typed_{i}, {words}) >= {likeness}"
        for j in range(count)) + ")" for i in range(count))


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
