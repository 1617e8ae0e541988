"""A request body loads as its command, nested bodies as theirs; what is not sent keeps the command's default."""
from dataclasses import dataclass

import pytest
from marshmallow import ValidationError, fields

from chassis.commands import UNSET, sent
from chassis.schemas import CommandSchema


@dataclass(frozen=True)
class Line:
    label: str
    quantity: int = 1


@dataclass(frozen=True)
class Order:
    customer: str
    lines: list[Line]


@dataclass(frozen=True)
class EditOrder:
    customer: str = UNSET
    note: str | None = UNSET


class LineIn(CommandSchema):
    command = Line
    label = fields.String(required=True)
    quantity = fields.Integer()


class OrderIn(CommandSchema):
    command = Order
    customer = fields.String(required=True)
    lines = fields.List(fields.Nested(LineIn), required=True)


class OrderPatch(CommandSchema):
    command = EditOrder
    customer = fields.String()
    note = fields.String(allow_none=True)


def test_a_body_loads_as_its_command_with_nested_commands():
    order = OrderIn().load({"customer": "Dana", "lines": [{"label": "Tune-up", "quantity": 2}, {"label": "Filter"}]})
    assert order == Order("Dana", [Line("Tune-up", 2), Line("Filter", 1)])


def test_an_edit_keeps_apart_what_was_not_sent_and_what_was_set_to_null():
    edit = OrderPatch().load({"note": None})
    assert edit.customer is UNSET
    assert sent(edit) == {"note": None}


def test_a_bad_body_is_refused_before_any_command_is_made():
    with pytest.raises(ValidationError) as refused:
        OrderIn().load({"customer": "Dana", "lines": [{"quantity": 2}]})
    assert refused.value.messages == {"lines": {0: {"label": ["Missing data for required field."]}}}
