"""The typed event classes agree with the JSON Schemas: one class per (type, version), field by field, and every
example survives ``from_data`` → ``to_data`` unchanged."""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
import uuid

import pytest

from fieldwork_contracts import EVENT_CLASSES, UNSET, Shape
from fieldwork_contracts.checking import data_schema, examples, known_types, validate_event
from fieldwork_contracts.wire import wire_name

EXAMPLES = examples()
_FORMATS = {"uuid": uuid.UUID, "date-time": dt.datetime, "date": dt.date}
_TYPES = {"integer": int, "boolean": bool, "string": str}


def _flat(node: dict) -> dict:
    """One schema node with its allOf parts (a $ref beside other keywords) merged in."""
    merged = {key: value for key, value in node.items() if key != "allOf"}
    for part in node.get("allOf", ()):
        merged.update(_flat(part))
    return merged


def _nullable(node: dict) -> tuple[bool, dict]:
    """Whether the node lets a value be null, and the node for the value when it is not."""
    if "anyOf" in node:
        options = [_flat(option) for option in node["anyOf"]]
        others = [option for option in options if option.get("type") != "null"]
        return len(others) < len(options), others[0]
    kinds = node.get("type")
    if isinstance(kinds, list) and "null" in kinds:
        rest = [kind for kind in kinds if kind != "null"]
        return True, {**node, "type": rest[0]} if len(rest) == 1 else node
    return False, node


def _split_optional(annotation) -> tuple[bool, object]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [argument for argument in typing.get_args(annotation) if argument is not type(None)]
        return True, inner[0]
    return False, annotation


def _disagreements(annotation, node: dict, where: str) -> list[str]:
    """How a field's type and the schema node of its value disagree (empty when they agree)."""
    node = _flat(node)
    schema_null, node = _nullable(node)
    class_null, annotation = _split_optional(annotation)
    found = [] if schema_null == class_null else [f"{where}: null allowed by the schema {schema_null}, "
                                                  f"by the class {class_null}"]
    if "enum" in node:
        if typing.get_origin(annotation) is not typing.Literal or set(typing.get_args(annotation)) != set(node["enum"]):
            found.append(f"{where}: the class allows {annotation}, the schema {node['enum']}")
        return found
    kind = node.get("type")
    if kind == "object":
        if not (isinstance(annotation, type) and issubclass(annotation, Shape)):
            return [*found, f"{where}: an object in the schema, {annotation} in the class"]
        return found + _shape_disagreements(annotation, node, where)
    if kind == "array":
        if typing.get_origin(annotation) is not list:
            return [*found, f"{where}: an array in the schema, {annotation} in the class"]
        return found + _disagreements(typing.get_args(annotation)[0], node["items"], f"{where}[]")
    expected = _FORMATS.get(node.get("format")) or _TYPES.get(kind)
    if expected is not annotation:
        found.append(f"{where}: {kind}/{node.get('format')} in the schema, {annotation} in the class")
    return found


def _shape_disagreements(cls: type, node: dict, where: str) -> list[str]:
    hints = typing.get_type_hints(cls)
    fields = {wire_name(field.name): field for field in dataclasses.fields(cls)}
    properties, required = node["properties"], set(node.get("required", ()))
    found = []
    if set(fields) != set(properties):
        found.append(f"{where}: only in the schema {sorted(set(properties) - set(fields))}, "
                     f"only in the class {sorted(set(fields) - set(properties))}")
    for name in set(fields) & set(properties):
        optional_in_class = fields[name].default is UNSET
        if optional_in_class == (name in required):
            found.append(f"{where}.{name}: required by the schema {name in required}, by the class "
                         f"{not optional_in_class}")
        found += _disagreements(hints[fields[name].name], properties[name], f"{where}.{name}")
    return found


def test_every_schema_has_exactly_one_class_and_every_class_a_schema():
    assert set(EVENT_CLASSES) == known_types()


@pytest.mark.parametrize("key", sorted(known_types()), ids=lambda key: f"{key[0]}.v{key[1]}")
def test_each_class_has_the_fields_of_its_schema(key):
    assert _shape_disagreements(EVENT_CLASSES[key], data_schema(*key), "data") == []


def test_a_field_the_schema_gained_and_the_class_lacks_is_caught():
    schema = data_schema("customer.merged", 1)
    grown = {**schema, "properties": {**schema["properties"], "reason": {"type": "string"}},
             "required": [*schema["required"], "reason"]}
    assert _shape_disagreements(EVENT_CLASSES[("customer.merged", 1)], grown, "data") == [
        "data: only in the schema ['reason'], only in the class []"]


def test_a_widened_enum_a_new_null_and_a_dropped_requirement_are_caught():
    schema = data_schema("payment.recorded", 1)
    properties = {**schema["properties"], "method": {"enum": ["card", "cash", "check", "ach", "bitcoin"]},
                  "credit_cents": {"type": ["integer", "null"]}}
    changed = {**schema, "properties": properties, "required": [r for r in schema["required"] if r != "currency"]}
    found = _shape_disagreements(EVENT_CLASSES[("payment.recorded", 1)], changed, "data")
    assert sorted(line.split(":")[0] for line in found) == ["data.credit_cents", "data.currency", "data.method"]


@pytest.mark.parametrize("path,envelope", EXAMPLES, ids=[path.parent.name + "/" + path.name for path, _ in EXAMPLES])
def test_every_example_round_trips_through_its_class(path, envelope):
    typed = EVENT_CLASSES[(envelope["type"], envelope["version"])].from_data(envelope["data"])
    assert typed.to_data() == envelope["data"]
    validate_event({**envelope, "data": typed.to_data()})


def test_an_unset_optional_field_is_left_out_and_a_none_one_travels_as_null():
    invoice_sent = EVENT_CLASSES[("invoice.sent", 1)]
    data = next(e["data"] for _, e in EXAMPLES if e["type"] == "invoice.sent")
    without = {key: value for key, value in data.items() if key != "bill_to_customer_id"}
    assert "bill_to_customer_id" not in invoice_sent.from_data(without).to_data()
    assert invoice_sent.from_data({**without, "bill_to_customer_id": None}).to_data()["bill_to_customer_id"] is None


def test_a_naive_time_is_refused_on_the_way_out():
    merged_at = dt.datetime(2026, 11, 3, 14, 5)
    archived = EVENT_CLASSES[("customer.erased", 1)](
        customer_id=uuid.uuid4(), number="C-1", pseudonym="Erased customer C-1", merged_ids=[], revision=2,
        erased_at=merged_at)
    with pytest.raises(ValueError, match="timezone-aware"):
        archived.to_data()
