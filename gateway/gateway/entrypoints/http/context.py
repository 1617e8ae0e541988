"""What every gateway view needs: the process's upstream clients and the headers a call passes on."""
from __future__ import annotations

from flask import Response, current_app

from chassis import logs
from chassis.auth import current_principal
from chassis.wire_json import dumps
from gateway.upstream.registry import Upstreams


def upstreams() -> Upstreams:
    return current_app.extensions["fieldwork"].adapter("upstreams")


def json_answer(document, status: int = 200) -> Response:
    """A composed answer as it was built: its shape is documented (``shapes``), never dumped through a schema, since
    what services sent is passed on as it came."""
    return Response(dumps(document), status=status, mimetype="application/json")


def call_headers(token: str | None = None) -> dict[str, str]:
    """The caller's token (or ``token``) and the request id, for every service call this request makes."""
    headers = {"Accept": "application/json", logs.REQUEST_ID_HEADER: logs.current_request_id() or ""}
    bearer = token or current_principal().token
    headers["Authorization"] = f"Bearer {bearer}"
    return headers
