"""`GET /api/openapi.json`: the whole public API, merged from the gateway's and the services' live documents.

The services' documents change only when they are deployed, so a merged copy is kept for a minute.
What no API view declares is added to the gateway's own document here: how a portal visitor authenticates, and
the web app's page at `/` (served as plain Flask rules, which flask-smorest does not document).
"""
from __future__ import annotations

import threading
import time

from flask import current_app
from werkzeug.routing import Rule

from chassis.api import PUBLIC, Blueprint
from gateway.composition.openapi import merge
from gateway.composition.sections import parsed
from gateway.config import SERVICES
from gateway.entrypoints.http.context import json_answer, upstreams
from gateway.entrypoints.http.shapes import API_DOCUMENT, PAGE_OPERATION, PORTAL_SECURITY_SCHEMES
from gateway.upstream.calls import Call, run_calls

KEEP_SECONDS = 60
blp = Blueprint("api_document", __name__, url_prefix="/api", description="The document of the whole public API.")
_cache: dict = {}
_lock = threading.Lock()


def _spec(app):
    return app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec


@blp.record_once
def _document_what_no_view_declares(state) -> None:
    spec = _spec(state.app)
    for name, scheme in PORTAL_SECURITY_SCHEMES.items():
        spec.components.security_scheme(name, scheme)
    spec.path(rule=Rule("/"), operations={"get": PAGE_OPERATION})  # flask-smorest's spec takes paths as rules


def _fetch() -> dict:
    own = _spec(current_app).to_dict()
    calls = {name: Call(name, "/openapi.json") for name in SERVICES}
    outcomes = run_calls(upstreams(), calls, {"Accept": "application/json"})
    return merge(own, {name: parsed(outcome) for name, outcome in outcomes.items()})


@blp.get("/openapi.json", PUBLIC, response=API_DOCUMENT,
         description="OpenAPI 3 document of every public operation under /api.")
def api_document():
    with _lock:
        kept = _cache.get(id(current_app))
    if kept and time.monotonic() - kept[0] < KEEP_SECONDS and not kept[1]["x-services-missing"]:
        return json_answer(kept[1])
    document = _fetch()
    with _lock:
        _cache[id(current_app)] = (time.monotonic(), document)
    return json_answer(document)
