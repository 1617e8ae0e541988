"""What every gateway view needs: the process's upstream clients and the headers a call passes on."""
from __future__ import annotations

from flask import Response, current_app

from chassis.auth import current_principal
from chassis.service_calls.services import headers_for
from chassis.wire_json import dumps
from gateway.upstream.registry import Upstreams


def upstreams() -> Upstreams:
    return current_app.extensions["fieldwork"].adapter("upstreams")


def json_answer(document, status: int = 200) -> Response:
    """A composed answer as it was built: its shape is documented (``shapes``), never dumped through a schema, since
    what services sent is passed on as it came."""
    return Response(dumps(document), status=status, mimetype="application/json")


def call_headers(token: str | None = None) -> dict[str, str]:
    """The caller's token (or ``token``) for every service call this request makes; the client adds the request id
    (fan-out calls run in a copy of the request's context, so they carry it too)."""
    return {"Accept": "application/json", **headers_for(token or current_principal().token)}
