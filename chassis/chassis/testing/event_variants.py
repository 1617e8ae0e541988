"""Valid events a producer may send that its examples do not show: every optional field left out, or every nullable
one null. A handler that indexes what its contract leaves optional breaks on them (retried, then dead-lettered)."""
from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterator

from fieldwork_contracts.checking import data_schema, example, readdressed, validate_event


def _branches(schema: dict) -> Iterator[dict]:
    yield schema
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, ()):
            yield from _branches(branch)
    # What a condition requires counts as required: an event keeps it when it has it, so it stays valid whichever
    # branch applies (portal.invite_requested requires the email of a plain invitation, the phone of a text).
    for key in ("then", "else"):
        if isinstance(schema.get(key), dict):
            yield from _branches(schema[key])


def _properties(schema: dict) -> tuple[dict, set]:
    properties, required = {}, set()
    for branch in _branches(schema):
        properties.update(branch.get("properties", {}))
        required.update(branch.get("required", ()))
    return properties, required


def _items(schema: dict) -> dict:
    return next((branch["items"] for branch in _branches(schema) if isinstance(branch.get("items"), dict)), {})


def _nullable(schema: dict) -> bool:
    kinds = [branch.get("type") for branch in _branches(schema)]
    return any(kind == "null" or (isinstance(kind, list) and "null" in kind) for kind in kinds)


def required_only(value, schema: dict):
    """``value`` without the properties ``schema`` does not require, all the way down."""
    if isinstance(value, list):
        return [required_only(item, _items(schema)) for item in value]
    properties, required = _properties(schema)
    if not isinstance(value, dict) or not properties:
        return value
    return {key: required_only(item, properties.get(key, {})) for key, item in value.items() if key in required}


def nulled(value, schema: dict):
    """``value`` with every property ``schema`` allows to be null set to null, all the way down."""
    if isinstance(value, list):
        return [nulled(item, _items(schema)) for item in value]
    properties, _ = _properties(schema)
    if not isinstance(value, dict):
        return value
    return {key: None if _nullable(properties.get(key, {})) else nulled(item, properties.get(key, {}))
            for key, item in value.items()}


SHAPES: dict[str, Callable] = {"required_only": required_only, "nulled": nulled}


def variant_cases(handlers) -> list[tuple[str, str]]:
    """(event type, shape) for every type ``handlers`` take and every shape: a consumer test's parameters."""
    return [(event_type, shape) for event_type in sorted(handlers.types) for shape in sorted(SHAPES)]


def variant(event_type: str, account_id, shape: str, version: int = 1) -> dict:
    """The contract example of ``event_type`` for ``account_id`` (fresh id), its data reshaped; still valid."""
    envelope = readdressed(example(event_type), account_id)
    envelope["id"] = str(uuid.uuid4())
    schema = data_schema(event_type, version)
    envelope["data"] = SHAPES[shape](copy.deepcopy(envelope["data"]), schema)
    validate_event(envelope)
    return envelope
