"""CORS for the one configured front-end origin (FIELDWORK_CORS_ORIGIN); other origins get no CORS headers."""
from __future__ import annotations

from flask import Flask, Response, current_app, request

from chassis import logs
from chassis.api import Blueprint

ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
ALLOWED_HEADERS = f"Authorization, Content-Type, If-Match, If-None-Match, {logs.REQUEST_ID_HEADER}"
EXPOSED_HEADERS = f"{logs.REQUEST_ID_HEADER}, ETag, Location, Content-Disposition"

blueprint = Blueprint("cors", __name__, description="CORS for the front end.")


def _allowed_origin() -> str | None:
    origin = request.headers.get("Origin")
    configured = current_app.extensions["fieldwork"].adapter("config").cors_origin
    return origin if origin and configured and origin == configured else None


def _preflight():
    # Runs before authentication: a browser's preflight never carries the token.
    if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
        response = Response(status=204)
        origin = _allowed_origin()
        if origin:
            response.headers.update({
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": ALLOWED_METHODS,
                "Access-Control-Allow-Headers": ALLOWED_HEADERS,
                "Access-Control-Allow-Credentials": "true",
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            })
        return response
    return None


@blueprint.after_app_request
def _add_cors_headers(response: Response) -> Response:
    origin = _allowed_origin()
    if origin and "Access-Control-Allow-Origin" not in response.headers:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        response.headers.add("Vary", "Origin")
    return response


@blueprint.record_once
def _install_preflight_first(state) -> None:
    app: Flask = state.app
    app.before_request_funcs.setdefault(None, []).insert(0, _preflight)
