"""The base of every request schema: JSON bodies take integers and booleans only as JSON integers and booleans.

marshmallow's own fields are lenient on purpose, since query strings and forms carry every value as text: its
Integer turns ``1.5`` into 1 and ``"1"`` into 1, its Boolean takes ``0``, ``1`` and ``"yes"``. In a JSON body the
client chose the type, so a wrong one is refused rather than guessed at. The request parser
(``chassis.request_parser``) marks what it loads from a JSON body; the same schema read from a query string
keeps parsing ``"10"`` and ``"true"``.

An integer field that declares no ``validate.Range`` of its own takes only what a PostgreSQL ``integer`` column
holds (int32): a larger number would reach the database and fail there as a data exception, a 500 answering
input. A field meant for a ``bigint`` column says so with ``metadata={"format": "int64"}`` (which the OpenAPI
document shows too) and is bounded to int64; a field with its own Range keeps exactly that Range.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import numbers
from collections.abc import Iterator
from typing import Any, ClassVar

import marshmallow
from marshmallow import fields, validate

_loading_json_body: contextvars.ContextVar[bool] = contextvars.ContextVar("loading_json_body", default=False)


@contextlib.contextmanager
def loading_json_body() -> Iterator[None]:
    """What loads inside this block came from a JSON body: the body's types are taken as sent."""
    token = _loading_json_body.set(True)
    try:
        yield
    finally:
        _loading_json_body.reset(token)


INT32 = (-2**31, 2**31 - 1)
INT64 = (-2**63, 2**63 - 1)


def column_bounds(field: fields.Integer) -> tuple[int, int] | None:
    """The range an integer field takes when it declares none: what the column behind it can hold."""
    if any(isinstance(rule, validate.Range) for rule in field.validators):
        return None
    return INT64 if field.metadata.get("format") == "int64" else INT32


def _integer_rule(parent: type) -> dict:
    def _validated(self, value):
        if _loading_json_body.get() and (isinstance(value, bool) or not isinstance(value, numbers.Integral)):
            raise self.make_error("invalid", input=value)
        number = parent._validated(self, value)
        bounds = column_bounds(self)
        if number is not None and bounds is not None and not bounds[0] <= number <= bounds[1]:
            raise marshmallow.ValidationError(f"Must be between {bounds[0]} and {bounds[1]}.")
        return number

    return {"_validated": _validated}


def _boolean_rule(parent: type) -> dict:
    def _deserialize(self, value, attr, data, **kwargs):
        if _loading_json_body.get() and not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return parent._deserialize(self, value, attr, data, **kwargs)

    return {"_deserialize": _deserialize}


_RULED = "_fieldwork_body_rule"  # marks the subclasses made here, never subclassed again
_BODY_RULES = ((fields.Integer, _integer_rule), (fields.Boolean, _boolean_rule))


@functools.cache
def _with_body_rules(field_class: type) -> type | None:
    """A subclass of the field's own class that keeps the body rule; of the same name, so the OpenAPI document
    reads as before (apispec maps a field to its type through the class's ancestors). A plain subclass, as
    swapping an instance's class in place needs the same instance layout, which a mixin would change."""
    for base, rule in _BODY_RULES:
        if issubclass(field_class, base):
            return type(field_class.__name__, (field_class,),
                        {"__module__": field_class.__module__, "__slots__": (), _RULED: True, **rule(field_class)})
    return None


def _apply_body_rules(field: fields.Field) -> None:
    strict = None if _RULED in type(field).__dict__ else _with_body_rules(type(field))
    if strict is not None:
        field.__class__ = strict  # this schema instance's own copy of the declared field
    for inner in _inner_fields(field):
        _apply_body_rules(inner)


def _inner_fields(field: fields.Field) -> list[fields.Field]:
    if isinstance(field, fields.List):
        return [field.inner]
    if isinstance(field, fields.Tuple):
        return list(field.tuple_fields)
    if isinstance(field, fields.Mapping):
        return [inner for inner in (field.key_field, field.value_field) if inner is not None]
    return []


class Schema(marshmallow.Schema):
    """Every service's request and response schemas inherit from this (nested schemas too, so the rule reaches
    them): an integer field in a JSON body takes a JSON integer only, a boolean field ``true`` or ``false`` only, and
    an integer field without a Range of its own takes only what its column holds (``column_bounds``)."""

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        super().on_bind_field(field_name, field_obj)
        _apply_body_rules(field_obj)


class CommandSchema(Schema):
    """A request body read as its command: ``command = CreateInvoice`` on the schema, and what loads is that frozen
    dataclass (nested bodies load as their own commands), so a route hands the service layer the command as it
    arrives. Fields a body leaves out keep the command's defaults (``UNSET`` for an edit)."""

    command: ClassVar[type]

    @marshmallow.post_load
    def _as_command(self, data: dict, **_) -> Any:
        return self.command(**data)
