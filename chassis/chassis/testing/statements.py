"""Counting the SQL a service sends, so that a test can pin a read's cost in statements."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from flask import Flask
from sqlalchemy import event


@contextlib.contextmanager
def sent_statements(app: Flask) -> Iterator[list[str]]:
    """The SQL statements the app sends to its database while the block runs (pool pings aside), in order: through
    SQLAlchemy, and through the driver's cursor (``Database.read_one``)."""
    sent: list[str] = []
    database = app.extensions["fieldwork"].database

    def record(_conn, _cursor, statement, *_):
        sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    record_raw = sent.append
    database.raw_statement_listeners.append(record_raw)
    try:
        yield sent
    finally:
        database.raw_statement_listeners.remove(record_raw)
        event.remove(database.engine, "before_cursor_execute", record)
