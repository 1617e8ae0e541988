"""``CustomerFacts`` to JSON and back, exactly: the fact snapshots keep them in a JSONB column.

Driven by the dataclasses' own type hints, so a field added to the facts is stored without touching
this file, and an unsupported type fails at import rather than round-tripping wrongly. Dicts are
stored as ``[key, value]`` pairs because JSONB does not keep key order. ``SHAPE`` fingerprints the
structure: snapshots stored under another shape (an older release) read as misses.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
import uuid
from collections.abc import Callable

from insights.domain.facts import CustomerFacts

# Bump when the encoding below changes in a way the structure's fingerprint cannot see.
_ENCODING = 1


def encode(value):
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return [[key, encode(item)] for key, item in value.items()]
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):  # isoformat keeps the offset and the microseconds
        return value.isoformat()
    return value


def _optional(decode: Callable) -> Callable:
    return lambda value: None if value is None else decode(value)


def _dataclass(cls) -> Callable:
    fields = [(name, _decoder(hint)) for name, hint in typing.get_type_hints(cls).items()
              if name in {f.name for f in dataclasses.fields(cls)}]
    return lambda value: cls(**{name: decode(value[name]) for name, decode in fields})


def _check(kind: type) -> Callable:
    def same(value):
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {value!r}")
        return value
    return same


def _decoder(hint) -> Callable:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        present = [arg for arg in args if arg is not type(None)]
        if len(present) != 1:
            raise TypeError(f"cannot store {hint}")
        return _optional(_decoder(present[0]))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(v) for v in value)
    if origin is dict and args[0] is str:
        item = _decoder(args[1])
        return lambda value: {key: item(v) for key, v in value}
    if dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if hint is uuid.UUID:
        return uuid.UUID
    if hint is dt.datetime:
        return dt.datetime.fromisoformat
    if hint is dt.date:
        return dt.date.fromisoformat
    if hint in (str, int, bool):
        return _check(hint)
    raise TypeError(f"cannot store {hint}")


def _describe(hint) -> str:
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        inner = ",".join(f"{f.name}:{_describe(hints[f.name])}" for f in dataclasses.fields(hint))
        return f"{hint.__name__}({inner})"
    args = typing.get_args(hint)
    if args:
        return f"{getattr(typing.get_origin(hint), '__name__', str(hint))}[{','.join(map(_describe, args))}]"
    return getattr(hint, "__qualname__", str(hint))


_DECODE_FACTS = _decoder(CustomerFacts)
SHAPE = hashlib.sha256(f"{_ENCODING}:{_describe(CustomerFacts)}".encode()).hexdigest()[:32]


def decode_facts(stored: dict) -> CustomerFacts:
    return _DECODE_FACTS(stored)
