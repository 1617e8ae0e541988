"""Counting the SQL a service sends, so that a test can pin a read's cost in statements."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from flask import Flask
from sqlalchemy import event


@contextlib.contextmanager
def sent_statements(app: Flask) -> Iterator[list[str]]:
    """The SQL statements the app sends to its database while the block runs (pool pings aside)."""
    sent: list[str] = []
    engine = app.extensions["fieldwork"].database.engine

    def record(_conn, _cursor, statement, *_):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)
