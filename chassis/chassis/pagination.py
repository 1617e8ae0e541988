"""Cursor pagination: a page costs the same whatever the length of the history behind it.

A cursor is the sort key of the last item served, opaque to clients (url-safe base64 JSON).
Pages are read with a keyset condition ``(k1, k2) < (:v1, :v2)`` over an index on those columns,
never with OFFSET.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates
from sqlalchemy import Select, tuple_
from sqlalchemy.orm import Session

from chassis.errors import field_error

DEFAULT_LIMIT = 25
MAX_LIMIT = 100


class PageArgs(Schema):
    """Query string of every paginated list; extend it with the list's own filters."""

    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(min=1, max=MAX_LIMIT))
    cursor = fields.String(load_default=None)

    @validates("cursor")
    def _cursor_is_readable(self, value, **_):
        if value is not None:
            try:
                decode_cursor(value)
            except ValueError as exc:
                raise ValidationError(str(exc)) from None


def page_schema(item_schema: type[Schema] | Schema, name: str | None = None) -> type[Schema]:
    """The response schema of a page of ``item_schema``: ``{"items": [...], "next_cursor": str|null}``."""
    item = item_schema if isinstance(item_schema, Schema) else item_schema()
    schema_name = name or f"{type(item).__name__.removesuffix('Schema')}Page"
    return Schema.from_dict(
        {"items": fields.List(fields.Nested(item)), "next_cursor": fields.String(allow_none=True)}, name=schema_name
    )


def _encode_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "t" in value:
            return dt.datetime.fromisoformat(value["t"])
        if "d" in value:
            return dt.date.fromisoformat(value["d"])
        if "u" in value:
            return uuid.UUID(value["u"])
        raise ValueError("Not a valid cursor.")
    return value


def encode_cursor(key: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list):
            raise ValueError
        return [_decode_value(v) for v in values]
    except (binascii.Error, ValueError, UnicodeDecodeError, TypeError):
        raise ValueError("Not a valid cursor.") from None


@dataclass(frozen=True)
class Page:
    items: list
    next_cursor: str | None

    def as_dict(self, serialize: Callable[[Any], Any] | None = None) -> dict:
        items = [serialize(i) for i in self.items] if serialize else self.items
        return {"items": items, "next_cursor": self.next_cursor}


def decode_key(cursor: str, *types) -> list[Any]:
    """The values of a cursor over a key of ``types`` (e.g. ``dt.datetime, uuid.UUID``), else 422 on cursor: for lists
    that page by hand rather than with ``keyset_page``."""
    try:
        values = decode_cursor(cursor)
    except ValueError:
        values = None
    if values is None or len(values) != len(types) or not all(map(_is_a, values, types)):
        raise field_error("cursor", "Not a valid cursor for this list.")
    return values


def _is_a(value, expected) -> bool:
    """Whether a cursor's value is of its key's type. A cursor comes back from the client, and one that decodes to
    values of other types (a string for a timestamp, a NUL in a string) would be refused by PostgreSQL."""
    if isinstance(value, bool) and expected is not bool:
        return False
    return isinstance(value, expected) and not (isinstance(value, str) and "\x00" in value)


def _fits(column, value) -> bool:
    try:
        expected = column.type.python_type
    except (AttributeError, NotImplementedError):
        return True
    return _is_a(value, expected)


def keyset_page(session: Session, stmt: Select, order: Sequence, *, limit: int, cursor: str | None,
                key: Callable[[Any], Sequence[Any]], descending: bool = True) -> Page:
    """One page of ``stmt`` ordered by the columns ``order`` (all one direction); ``key`` reads an item's key.

    The last column of ``order`` must make the key unique (an id), or pages could skip ties.
    """
    if cursor is not None:
        try:
            after = decode_cursor(cursor)
        except ValueError:
            raise field_error("cursor", "Not a valid cursor.") from None
        if len(after) != len(order) or not all(map(_fits, order, after)):
            raise field_error("cursor", "Not a valid cursor for this list.")
        columns = tuple_(*order)
        stmt = stmt.where(columns < tuple_(*after) if descending else columns > tuple_(*after))
    ordering = [c.desc() for c in order] if descending else [c.asc() for c in order]
    return page_of(list(session.scalars(stmt.order_by(*ordering).limit(limit + 1))), limit, key)


def page_of(rows: Sequence[Any], limit: int, key: Callable[[Any], Sequence[Any]]) -> Page:
    """The page in ``rows`` read with one row more than ``limit`` (by a statement ``keyset_page`` cannot run, such
    as one branch of a combined query): the first ``limit``, and a cursor after the last when there were more."""
    has_more = len(rows) > limit
    items = list(rows[:limit])
    return Page(items, encode_cursor(key(items[-1])) if has_more and items else None)
