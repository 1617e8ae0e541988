"""How every route reads its input, proven once on the toy: bodies only as sent, no NUL, types as sent, safe ids."""
import io
import json

import pytest

from toy_service.inputs import EMITTER

NUL = "\x00"


def _post(client, path, auth, body: bytes | None, content_type: str | None):
    headers = {**auth, **({"Content-Type": content_type} if content_type else {})}
    return client.post(path, data=body, headers=headers)


def _fields(response) -> dict:
    return response.get_json()["error"]["fields"]


# --- bodies -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None,
                                          "application/jsonx", "text/json"])
def test_a_json_body_not_sent_as_json_is_refused_not_read_as_empty(client, auth, content_type):
    response = _post(client, "/credits", auth, b'{"amount_cents": 5}', content_type)
    assert response.status_code == 415
    assert response.get_json()["error"]["code"] == "unsupported_media_type"


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8",
                                          "application/merge-patch+json"])
def test_json_and_its_suffixed_types_are_read(client, auth, content_type):
    response = _post(client, "/credits", auth, b'{"amount_cents": 5}', content_type)
    assert response.status_code == 200
    assert response.get_json()["amount_cents"] == 5


@pytest.mark.parametrize("body", [b"{", b'{"amount_cents": 5,}', b"NaN", b'{"a": "\\ud800"}', b"\xff\xfe",
                                  b'{"amount_cents": 1e400}'])
def test_invalid_json_is_422_with_a_message_on_the_body(client, auth, body):
    response = _post(client, "/credits", auth, body, "application/json")
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "validation_error"
    assert list(_fields(response)) == ["_body"]


@pytest.mark.parametrize("body", [b"[]", b"[{}]", b'"text"', b"5", b"null", b"true"])
def test_a_json_body_that_is_not_an_object_is_422(client, auth, body):
    response = _post(client, "/credits", auth, body, "application/json")
    assert response.status_code == 422
    assert _fields(response) == {"_body": ["Must be a JSON object."]}


def test_an_omitted_required_body_is_422_whatever_its_content_type(client, auth):
    for content_type in (None, "application/json", "text/plain"):
        response = _post(client, "/credits", auth, b"", content_type)
        assert response.status_code == 422, content_type
        assert _fields(response) == {"_body": ["A JSON body is required."]}


def test_an_optional_body_may_be_omitted_and_is_then_the_defaults(client, auth):
    response = _post(client, "/credits/preview", auth, None, None)
    assert response.status_code == 200
    assert response.get_json() == {"amount_cents": None, "notify": True, "lines": []}
    # but a body that is sent is still read only as JSON
    assert _post(client, "/credits/preview", auth, b"amount_cents=5", "text/plain").status_code == 415


def test_the_document_says_which_bodies_are_required(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert paths["/credits"]["post"]["requestBody"]["required"] is True
    assert paths["/credits/preview"]["post"]["requestBody"]["required"] is False


def test_a_form_body_sent_as_json_is_refused(client, auth):
    response = _post(client, "/photos", auth, b'{"caption": "x"}', "application/json")
    assert response.status_code == 415


# --- NUL characters -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, fields", [
    ({"amount_cents": 5, "lines": [{"label": "a\x00b", "quantity": 1}]}, {"lines": {"0": {"label": None}}}),
    ({"lines": [{"label": "ok", "quantity": 1}, {"label": "x", "quantity": 1, "note": {"deep": ["\x00"]}}]},
     {"lines": {"1": {"note": {"deep": {"0": None}}}}}),
    ({"amount\x00_cents": 5}, {"amount\\u0000_cents": None}),
])
def test_a_nul_anywhere_in_a_json_body_is_422_naming_the_field(client, auth, body, fields):
    response = _post(client, "/credits", auth, json.dumps(body).encode(), "application/json")
    assert response.status_code == 422

    def shape(found):  # the messages replaced by None, to compare where they are
        return {key: shape(value) for key, value in found.items()} if isinstance(found, dict) else None

    assert shape(_fields(response)) == fields


def test_a_nul_in_a_query_parameter_is_422_naming_it(client, auth):
    response = client.get("/credits", query_string={"q": "a\x00b"}, headers=auth)
    assert response.status_code == 422
    assert list(_fields(response)) == ["q"]


def test_a_nul_in_a_form_field_or_a_file_name_is_422_naming_it(client, auth):
    upload = {"file": (io.BytesIO(b"image"), "a\x00.jpg"), "caption": "fine"}
    response = client.post("/photos", data=upload, headers=auth, content_type="multipart/form-data")
    assert response.status_code == 422 and list(_fields(response)) == ["file"]
    upload = {"file": (io.BytesIO(b"image"), "a.jpg"), "caption": "not\x00fine"}
    response = client.post("/photos", data=upload, headers=auth, content_type="multipart/form-data")
    assert response.status_code == 422 and list(_fields(response)) == ["caption"]
    upload = {"file": (io.BytesIO(b"image"), "a.jpg"), "caption": "fine"}
    response = client.post("/photos", data=upload, headers=auth, content_type="multipart/form-data")
    assert response.status_code == 201 and response.get_json() == {"filename": "a.jpg", "size": 5, "caption": "fine"}


def test_a_nul_in_a_path_parameter_is_422_naming_it(client):
    response = client.get("/magic/a%00b")
    assert response.status_code == 422 and list(_fields(response)) == ["token"]


# --- types in JSON bodies -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, field", [
    ({"amount_cents": 1.5}, "amount_cents"), ({"amount_cents": "1"}, "amount_cents"),
    ({"amount_cents": True}, "amount_cents"), ({"amount_cents": 1.0}, "amount_cents"),
    ({"notify": 0}, "notify"), ({"notify": 1}, "notify"), ({"notify": "yes"}, "notify"),
    ({"notify": "true"}, "notify"), ({"lines": [{"label": "a", "quantity": "2"}]}, "lines"),
])
def test_integers_and_booleans_in_a_json_body_are_taken_only_as_sent(client, auth, body, field):
    response = _post(client, "/credits", auth, json.dumps(body).encode(), "application/json")
    assert response.status_code == 422
    assert list(_fields(response)) == [field]


def test_a_query_string_still_reads_numbers_and_booleans_from_text(client, auth):
    response = client.get("/credits", query_string={"limit": "7", "notify": "true"}, headers=auth)
    assert response.status_code == 200
    assert response.get_json() == {"limit": 7, "notify": True, "q": ""}


def test_the_document_still_types_strict_fields_as_integer_and_boolean(client):
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]
    assert schemas["CreditIn"]["properties"]["amount_cents"]["type"] == "integer"
    assert schemas["CreditIn"]["properties"]["notify"]["type"] == "boolean"
    assert schemas["LineIn"]["properties"]["quantity"]["type"] == "integer"


# --- request ids ----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def emitter(make_app):
    return make_app(EMITTER).test_client()


@pytest.mark.parametrize("sent", ["x" * 201, "x" * 129, "a b", "id\x7f", "id\u00e9", "<script>", "a/b"])
def test_a_request_id_that_is_not_a_short_plain_token_is_replaced(emitter, auth, account_id, emitted, sent):
    response = emitter.post(f"/statuses/{account_id}", headers={**auth, "X-Request-Id": sent})
    assert response.status_code == 201
    made = response.headers["X-Request-Id"]
    assert made != sent and len(made) == 32
    assert response.get_json()["request_id"] == made  # the event written carries the id we made


def test_a_plain_request_id_is_kept_through_to_the_event(emitter, auth, account_id, emitted):
    sent = "gw-1:2.3_4-" + "x" * 117  # 128 characters of the safe alphabet
    response = emitter.post(f"/statuses/{account_id}", headers={**auth, "X-Request-Id": sent})
    assert response.status_code == 201 and response.headers["X-Request-Id"] == sent
    [event] = emitted(emitter.application, account_id, "customer.status_changed")
    assert event["request_id"] == sent


def test_fields_given_as_a_dict_follow_the_body_rules_too(app):
    from marshmallow import fields
    from werkzeug.exceptions import UnprocessableEntity

    from chassis.api import Blueprint

    parser = Blueprint.ARGUMENTS_PARSER
    with app.test_request_context("/", method="POST", json={"n": 1.5}):
        with pytest.raises(UnprocessableEntity):
            parser.parse({"n": fields.Integer()}, location="json")
    with app.test_request_context("/", method="POST", json={"n": 2}):
        assert parser.parse({"n": fields.Integer()}, location="json") == {"n": 2}
