"""How every route of every service and the gateway reads its input (webargs' FlaskParser, decided once here).

- A body is read only as the type it was sent as: a JSON route refuses any other ``Content-Type`` with 415 rather
  than reading the body as empty and going on with defaults; a form route likewise.
- A required body (flask-smorest's ``required=True``, its default, which the OpenAPI document states) that is
  omitted is a 422, as is a body that is not valid JSON or not the object the schema expects.
- No NUL character gets in (PostgreSQL refuses it in text): one in a JSON key or string, a query parameter, a form
  field, an uploaded file's name or a path parameter answers 422 naming the field.
- Integers and booleans in a JSON body are taken only as sent (``chassis.schemas``).
"""
from __future__ import annotations

import functools
from typing import Any

import marshmallow
import orjson
from flask import request
from webargs import core
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import CombinedMultiDict

from chassis.errors import ValidationFailed
from chassis.http_errors import UnsupportedMediaType
from chassis.schemas import Schema, loading_json_body

BODY = "_body"  # the field an error about the body as a whole is reported on
NUL = "\x00"
NUL_MESSAGE = "Must not contain NUL characters."
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MULTIPART = "multipart/form-data"
BODY_LOCATIONS = ("json", "form", "files", "multipart")
# Where a body the route cannot do without is read from (the route's location is one of BODY_LOCATIONS).
_REQUIRED = {location: f"required_{location}" for location in BODY_LOCATIONS}
_JSON_LOCATIONS = ("json", _REQUIRED["json"])


@functools.cache
def _instance(schema: type[marshmallow.Schema]) -> marshmallow.Schema:
    return schema()


class RequestParser(FlaskParser):
    DEFAULT_SCHEMA_CLASS = Schema  # what a dict of fields given as arguments is made into
    __location_map__ = {**FlaskParser.__location_map__, "multipart": "load_multipart",
                        **{required: f"load_{required}" for required in _REQUIRED.values()}}
    # A required body's unknown fields are treated as the same location's; a multipart body's as a form's.
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "multipart": None,
                                   **{_REQUIRED[location]: FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION.get(location)
                                      for location in BODY_LOCATIONS}}

    def use_args(self, argmap, req=None, *, location=None, body_required: bool = False, **kwargs):
        """``body_required`` (given by ``chassis.api.Blueprint.arguments``) makes an omitted body a 422."""
        location = location or self.location
        if body_required:
            location = _REQUIRED.get(location, location)
        return super().use_args(argmap, req, location=location, **kwargs)

    def _get_schema(self, argmap, req):
        # webargs builds a new instance of an argument schema given as a class on every request, a cost the stored
        # workspace part would feel (bench/); one instance per class serves them all, as loading keeps no state on it.
        if isinstance(argmap, type) and issubclass(argmap, marshmallow.Schema):
            return _instance(argmap)
        return super()._get_schema(argmap, req)

    def _process_location_data(self, location_data, schema, req, location, unknown, validators):
        if location in _JSON_LOCATIONS:
            with loading_json_body():
                return super()._process_location_data(location_data, schema, req, location, unknown, validators)
        return super()._process_location_data(location_data, schema, req, location, unknown, validators)

    # --- JSON bodies ---------------------------------------------------------------------------------------------
    def load_json(self, req, schema):
        return _json_body(req, schema, required=False)

    def load_required_json(self, req, schema):
        return _json_body(req, schema, required=True)

    # --- forms and uploads ---------------------------------------------------------------------------------------
    def load_form(self, req, schema):
        return self._form(req, schema, FORM_TYPES, lambda: req.form, required=False)

    def load_required_form(self, req, schema):
        return self._form(req, schema, FORM_TYPES, lambda: req.form, required=True)

    def load_files(self, req, schema):
        return self._form(req, schema, (MULTIPART,), lambda: req.files, required=False)

    def load_required_files(self, req, schema):
        return self._form(req, schema, (MULTIPART,), lambda: req.files, required=True)

    def load_multipart(self, req, schema):
        return self._form(req, schema, (MULTIPART,), lambda: CombinedMultiDict([req.form, req.files]), required=False)

    def load_required_multipart(self, req, schema):
        return self._form(req, schema, (MULTIPART,), lambda: CombinedMultiDict([req.form, req.files]), required=True)

    def _form(self, req, schema, types: tuple[str, ...], values, *, required: bool):
        if not _sent(req):
            if required:
                raise marshmallow.ValidationError({BODY: ["A form body is required."]})
            return core.missing
        if req.mimetype not in types:
            raise UnsupportedMediaType(f"Send this body as {' or '.join(types)}.")
        _refuse_nul_in_pairs(req.form.items(multi=True))
        _refuse_nul_in_pairs((name, upload.filename or "") for name, upload in req.files.items(multi=True))
        return self._makeproxy(values(), schema)

    # --- query strings -------------------------------------------------------------------------------------------
    def load_querystring(self, req, schema):
        _refuse_nul_in_pairs(req.args.items(multi=True))
        return super().load_querystring(req, schema)


def refuse_nul_in_path() -> None:
    """before_request hook: a path parameter is read by its route, not by the parser, so it is checked here."""
    found = {name: [NUL_MESSAGE] for name, value in (request.view_args or {}).items()
             if isinstance(value, str) and NUL in value}
    if found:
        raise ValidationFailed(found)


def _sent(req) -> bool:
    """A body counts as sent when it has bytes; an empty one is an omitted one, whatever its Content-Type.

    The length is read from the header where there is one, so an upload is not read into memory just to see it.
    """
    if req.content_length is not None:
        return req.content_length > 0
    return bool(req.get_data(cache=True))  # chunked: the form parser reads the cached bytes afterwards


def _json_body(req, schema: marshmallow.Schema, *, required: bool) -> Any:
    if not _sent(req):
        if required:
            raise marshmallow.ValidationError({BODY: ["A JSON body is required."]})
        return core.missing
    if not core.is_json(req.mimetype):
        raise UnsupportedMediaType("Send this body as JSON (Content-Type: application/json).")
    try:
        # orjson, which refuses what PostgreSQL and JSON itself would (NaN, lone surrogates, invalid UTF-8)
        body = orjson.loads(req.get_data(cache=True))
    except orjson.JSONDecodeError as error:
        raise marshmallow.ValidationError({BODY: [f"Not valid JSON: {error}."]}) from None
    expected = list if schema.many else dict
    if not isinstance(body, expected):
        expected_kind = "a JSON array" if schema.many else "a JSON object"
        raise marshmallow.ValidationError({BODY: [f"Must be {expected_kind}."]})
    found = _nul_errors(body)
    if found:
        raise marshmallow.ValidationError(found)
    return body


def _nul_errors(value: Any) -> dict | list | None:
    """Where NUL characters are in a JSON value, shaped as marshmallow shapes its errors (keys, then indexes)."""
    if isinstance(value, str):
        return [NUL_MESSAGE] if NUL in value else None
    if isinstance(value, dict):
        found = {}
        for key, item in value.items():
            if NUL in key:
                found[key.replace(NUL, "\\u0000")] = [NUL_MESSAGE]
                continue
            errors = _nul_errors(item)
            if errors:
                found[key] = errors
        return found or None
    if isinstance(value, list):
        found = {index: errors for index, item in enumerate(value) if (errors := _nul_errors(item))}
        return found or None
    return None


def _refuse_nul_in_pairs(pairs) -> None:
    found = {name.replace(NUL, "\\u0000"): [NUL_MESSAGE] for name, value in pairs if NUL in name or NUL in value}
    if found:
        raise marshmallow.ValidationError(found)
