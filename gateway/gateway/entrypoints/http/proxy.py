"""The resource API: each public path of the route table forwarded to its service, the answer passed on as is."""
from __future__ import annotations

import re
from urllib.parse import quote

import flask
from flask import Response, request

from chassis import logs
from chassis.api import Blueprint
from chassis.auth import public, require
from gateway.entrypoints.http.context import upstreams
from gateway.routes import API_PREFIX, READ_METHODS, ROUTES, Resource, WRITE_METHODS

# Request headers a service may need besides the token and request id (signatures, concurrency, uploads).
_PASSED_ON = ("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match", logs.REQUEST_ID_HEADER)
_ANSWERED = ("Content-Type", "Content-Disposition", "ETag", "Location", "Cache-Control")

blp = Blueprint("resources", __name__, url_prefix=API_PREFIX, description="Every service's API under /api.")


def _request_headers() -> dict[str, str]:
    headers = {name: request.headers[name] for name in _PASSED_ON if name in request.headers}
    headers.update((name, value) for name, value in request.headers.items() if name.lower().startswith("x-"))
    # The id this request runs under (the client adds it), never the one it came with: the chassis keeps an
    # incoming id only when it is a short safe token, and the services must log (and put in events) the same id.
    for name in [name for name in headers if name.lower() == logs.REQUEST_ID_HEADER.lower()]:
        del headers[name]
    return headers


def forward(service: str) -> Response:
    """Sends this request to ``service`` at the same path without /api, and answers what it answered."""
    registry = upstreams()
    reply = registry.call(service, request.method, quote(request.path[len(API_PREFIX):]), headers=_request_headers(),
                          query=request.query_string.decode("latin-1"), body=request.get_data() or None,
                          timeout_seconds=registry.config.proxy_timeout_ms / 1000)
    response = Response(reply.body, status=reply.status)
    for name in _ANSWERED:
        if name in reply.headers:
            response.headers[name] = reply.headers[name]
    return response


def _view(resource: Resource, permission: str | None):
    def view(**_path_args):
        return forward(resource.service)

    return public(view) if resource.public else require(permission)(view)


def _register(resource: Resource) -> None:
    rules = [resource.path] + ([f"{resource.path}/<path:rest>"] if resource.subtree else [])
    for kind, methods, permission in (("read", READ_METHODS, resource.read), ("write", WRITE_METHODS, resource.write)):
        endpoint = re.sub(r"[/:.]", "_", f"{kind}{resource.path}").replace("<", "").replace(">", "")
        view = _view(resource, permission)
        for index, rule in enumerate(rules):
            # flask.Blueprint's own add_url_rule: these routes are documented by the services'
            # documents (see gateway.openapi), not as the gateway's own empty operations.
            flask.Blueprint.add_url_rule(blp, rule, f"{endpoint}_{index}", view, methods=list(methods))


for _resource in ROUTES:
    _register(_resource)
