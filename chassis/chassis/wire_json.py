"""JSON on the wire, encoded with orjson (compact, UTF-8).

Every answer of every service is encoded here, so the encoder's CPU counts on every request; orjson's is a small
part of the standard library's (bench/README.md, "Figures behind choices").
"""
from __future__ import annotations

import decimal
from typing import Any

import orjson
from flask.json.provider import JSONProvider

# Pre-encoded JSON placed in a document verbatim (a service's reply passed through by the gateway).
Fragment = orjson.Fragment


def _default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "__html__"):  # markupsafe strings, as Flask's own provider does
        return str(value.__html__())
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> bytes:
    """Key order kept as given; datetimes as RFC 3339, UUIDs as strings, Decimals as strings."""
    return orjson.dumps(value, default=_default, option=orjson.OPT_NON_STR_KEYS)


loads = orjson.loads


class OrjsonProvider(JSONProvider):
    """Flask's JSON (``jsonify``, flask-smorest's responses) through orjson."""

    def dumps(self, obj: Any, **_kwargs: Any) -> str:
        return dumps(obj).decode()

    def loads(self, s: str | bytes, **_kwargs: Any) -> Any:
        return orjson.loads(s)

    def response(self, *args: Any, **kwargs: Any):
        value = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(dumps(value), mimetype="application/json")

