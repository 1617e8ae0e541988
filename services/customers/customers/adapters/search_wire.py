"""Round trips of a search: statements sent together, the typed words counted, a cursor's customers listed already.

Several statements go to PostgreSQL in one message: one round trip instead of one each.

On a busy box a round trip is a wake-up of the server's backend and of the worker, each waiting for a core; the
search's statements are cheap to execute, so what a search costs there is mostly how many times it waits. The
statements go in psycopg's pipeline mode (the extended protocol, values bound by the server, statements prepared
after a few runs as any other): PostgreSQL runs them one after the other, planning each after the one before has
run, so the transaction's settings in the first hold for the planning of the next.
"""
from __future__ import annotations

import uuid

from psycopg.rows import namedtuple_row
from sqlalchemy import text
from sqlalchemy.orm import Session


def together(session: Session, statements: list[tuple[str, dict]]) -> list[list]:
    """The rows of each statement (SQLAlchemy's ``:name`` parameters), run in the session's transaction in order."""
    dialect = session.get_bind().dialect
    # The driver's own connection: psycopg begins the session's transaction first when it has not begun yet.
    driver = session.connection().connection.dbapi_connection
    cursors = []
    with driver.pipeline():
        for sql, params in statements:
            compiled = text(sql).compile(dialect=dialect)
            # Rows read by column name, as SQLAlchemy's are (psycopg keeps one row class a shape of columns).
            cursor = driver.cursor(row_factory=namedtuple_row)
            cursor.execute(str(compiled), compiled.construct_params(params))
            cursors.append(cursor)
    results = []
    for cursor in cursors:
        with cursor:
            results.append(cursor.fetchall())
    return results


def counted(typed: int, cap: int) -> str:
    """Columns: how many words (up to ``cap``) each of the ``typed`` words starts, among names and among addresses
    (``n_0``, ``a_0``, …)."""
    return ", ".join(f"(SELECT count(*) FROM (SELECT 1 FROM search_words WHERE account_id = :account AND kind = "
                     f"'{kind}' AND word LIKE :start_{i} LIMIT {cap}) x) AS {kind}_{i}"
                     for kind in "na" for i in range(typed))


def listed_before(session: Session, found: list, after: tuple, ids: list[uuid.UUID], params: dict) -> set[uuid.UUID]:
    """The customers among ``ids`` a tier ranks at or before the cursor key ``after``."""
    ranked = []
    for tier in found:
        if tier.score > after[0]:
            ranked.append(f"coalesce({tier.holds}, false)")
        elif tier.score == after[0] and tier.words:
            ranked.append(f"(coalesce({tier.holds}, false) AND EXISTS (SELECT 1 FROM search_words v "
                          f"WHERE v.customer_id = c.id AND v.kind = '{tier.words}' AND v.word LIKE :{tier.drive} "
                          "AND (v.word, v.customer_id) <= (:after_word, :after_id)))")
        elif tier.score == after[0]:
            ranked.append(f"(coalesce({tier.holds}, false) AND c.id <= :after_id)")
    if not ranked:  # a cursor past every tier
        return set()
    sql = f"SELECT c.id FROM customers c WHERE c.account_id = :account AND c.id = ANY(:ids) AND ({' OR '.join(ranked)})"
    return {row.id for row in session.execute(text(sql), {**params, "ids": ids})}
