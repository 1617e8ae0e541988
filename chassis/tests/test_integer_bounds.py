"""An integer field without a Range of its own takes only what its column holds: never a database error for input."""
import pytest
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import ValidationError, fields, validate

from chassis.schemas import INT32, INT64, Schema, loading_json_body


class Counts(Schema):
    plain = fields.Integer()
    wide = fields.Integer(metadata={"format": "int64"})
    ranged = fields.Integer(validate=validate.Range(min=0, max=10**12))
    listed = fields.List(fields.Integer())


def _body(data: dict) -> dict:
    with loading_json_body():
        return Counts().load(data)


@pytest.mark.parametrize("value", [INT32[1] + 1, INT32[0] - 1, 10**30])
def test_an_integer_without_a_range_refuses_what_an_int4_column_cannot_hold(value):
    with pytest.raises(ValidationError) as refused:
        _body({"plain": value, "listed": [1, value]})
    assert refused.value.messages == {"plain": [f"Must be between {INT32[0]} and {INT32[1]}."],
                                      "listed": {1: [f"Must be between {INT32[0]} and {INT32[1]}."]}}


def test_the_int32_edges_are_taken():
    assert _body({"plain": INT32[1], "listed": [INT32[0]]}) == {"plain": INT32[1], "listed": [INT32[0]]}


def test_the_bound_holds_in_a_query_string_too():
    with pytest.raises(ValidationError) as refused:
        Counts().load({"plain": str(INT32[1] + 1)})
    assert list(refused.value.messages) == ["plain"]


def test_a_field_declared_int64_is_bounded_to_int64():
    assert _body({"wide": INT32[1] + 1}) == {"wide": INT32[1] + 1}
    with pytest.raises(ValidationError) as refused:
        _body({"wide": INT64[1] + 1})
    assert list(refused.value.messages) == ["wide"]


def test_a_field_with_its_own_range_keeps_exactly_that_range():
    assert _body({"ranged": 10**12}) == {"ranged": 10**12}
    with pytest.raises(ValidationError):
        _body({"ranged": 10**12 + 1})


def test_an_unbounded_integer_in_a_body_answers_422_not_a_database_error(client, auth):
    response = client.post("/credits", json={"amount_cents": 2**31}, headers=auth)
    assert response.status_code == 422
    assert list(response.get_json()["error"]["fields"]) == ["amount_cents"]


def test_the_document_shows_a_field_declared_int64():
    spec = APISpec("t", "1", "3.0.3", plugins=[MarshmallowPlugin()])
    spec.components.schema("Counts", schema=Counts)
    assert spec.to_dict()["components"]["schemas"]["Counts"]["properties"]["wide"]["format"] == "int64"
