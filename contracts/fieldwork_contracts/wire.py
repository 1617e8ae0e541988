"""Typed event data: frozen dataclasses that become the ``data`` dict the JSON Schemas describe, and back.

A class names its fields as the schema does (a Python keyword gets a trailing underscore: ``from_`` travels as
``"from"``), types them as a producer holds them (``uuid.UUID``, aware ``datetime``, ``date``, a ``Literal`` for an
enum, a nested ``Shape``, ``list[...]``, ``... | None`` for a field the schema lets be null) and gives a field the
schema does not require the default ``UNSET``, which ``to_data`` leaves out. ``contracts/tests`` prove every class
agrees with its schema field by field.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
import uuid
from typing import Any, Callable, ClassVar, Literal

# `dataclass(frozen=True, kw_only=True)`: values never change once built, and fields keep the schema's order
# whether or not they have a default.
shape = functools.partial(dataclasses.dataclass, frozen=True, kw_only=True)


class _Unset:
    """The value of an optional field the producer leaves out: not ``None``, which the wire carries as null."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def wire_name(attribute: str) -> str:
    """The key of a field on the wire: ``from_`` is ``from``."""
    return attribute[:-1] if attribute.endswith("_") else attribute


class Shape:
    """An object inside an event's data (a customer snapshot, an allocation, an address)."""

    def to_data(self) -> dict:
        """The wire dict: UUIDs as strings, times as UTC ``Z``, dates as ``YYYY-MM-DD``, unset fields left out."""
        return {wire: encode(getattr(self, name)) for name, wire, encode, _ in _codec(type(self))
                if getattr(self, name) is not UNSET}

    @classmethod
    def from_data(cls, data: dict):
        """The typed value of a wire dict that matches the schema (a consumer gets one from a checked event)."""
        return cls(**{name: decode(data[wire]) for name, wire, _, decode in _codec(cls) if wire in data})


class EventData(Shape):
    """The ``data`` of one version of one event type; ``emit(session, event)`` publishes it."""

    TYPE: ClassVar[str]
    VERSION: ClassVar[int]


# --- converting one value ------------------------------------------------------------------------------------
def _same(value: Any) -> Any:
    return value


def _utc(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("event times must be timezone-aware (UTC)")
    return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _maybe(convert: Callable) -> Callable:
    return lambda value: None if value is None else convert(value)


def _each(convert: Callable) -> Callable:
    return lambda values: [convert(value) for value in values]


_SCALARS: dict[Any, tuple[Callable, Callable]] = {
    uuid.UUID: (str, lambda value: uuid.UUID(value)),
    dt.datetime: (_utc, dt.datetime.fromisoformat),
    dt.date: (dt.date.isoformat, dt.date.fromisoformat),
    str: (_same, _same),
    int: (_same, _same),
    bool: (_same, _same),
}


def converters(annotation: Any) -> tuple[Callable, Callable]:
    """(to wire, from wire) for a field's type."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [argument for argument in arguments if argument is not type(None)]
        if len(inner) != 1 or len(arguments) != 2:
            raise TypeError(f"only X | None is a union the wire knows, not {annotation}")
        encode, decode = converters(inner[0])
        return _maybe(encode), _maybe(decode)
    if origin is list:
        encode, decode = converters(arguments[0])
        return _each(encode), _each(decode)
    if origin is Literal:
        return _same, _same
    if isinstance(annotation, type) and issubclass(annotation, Shape):
        return (lambda value: value.to_data()), annotation.from_data
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no wire form for {annotation}")


@functools.cache
def _codec(cls: type) -> tuple[tuple[str, str, Callable, Callable], ...]:
    """Per field, once per class: its attribute, its wire key and its two converters."""
    hints = typing.get_type_hints(cls)
    return tuple((field.name, wire_name(field.name), *converters(hints[field.name]))
                 for field in dataclasses.fields(cls))
