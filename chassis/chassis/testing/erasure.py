"""Where values are still held in a database: every text, JSON and bytes column of every table, read whole.

Proves an erasure: after it, none of a person's names, phone numbers, emails or streets may be found anywhere in a
service's database, whichever table a later change adds.
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

_TEXTUAL = ("text", "character varying", "character", "json", "jsonb", "bytea", "ARRAY")


def textual_columns(connection: Connection) -> dict[str, list[tuple[str, str]]]:
    """``{table: [(column, data_type), …]}`` of the public schema's tables."""
    rows = connection.execute(text(
        """SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
             JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = ANY(:types)
            ORDER BY c.table_name, c.ordinal_position"""), {"types": list(_TEXTUAL)}).all()
    found: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        found.setdefault(table, []).append((column, data_type))
    return found


def _as_text(column: str, data_type: str) -> str:
    quoted = f'"{column}"'
    if data_type == "bytea":
        return f"convert_from({quoted}, 'LATIN1')"  # any bytes read as text; a UTF-8 name's ASCII still shows
    return f"{quoted}::text"


def where_held(connection: Connection, values: list[str]) -> list[tuple[str, str, str]]:
    """``(table, column, value)`` for every value (case-insensitive) found in any textual column."""
    hits = []
    needles = [value.lower() for value in values if value]
    for table, columns in textual_columns(connection).items():
        for column, data_type in columns:
            for needle in needles:
                found = connection.execute(text(
                    f'SELECT 1 FROM "{table}" WHERE position(:needle in lower({_as_text(column, data_type)})) > 0 '
                    "LIMIT 1"), {"needle": needle}).first()
                if found:
                    hits.append((table, column, needle))
    return hits


def relayed(connection: Connection) -> None:
    """Marks every outbox row sent, as the relay would have by the time anyone asks for an erasure: only sent rows
    are history an erasure may remove (unsent ones must still reach their consumers)."""
    connection.execute(text("UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL"))
