"""`GET /api/openapi.json`: the whole public API, merged from the gateway's and the services' live documents.

The services' documents change only when they are deployed, so a merged copy is kept for a minute.
"""
from __future__ import annotations

import threading
import time

from flask import current_app
from flask_smorest import Blueprint

from chassis.auth import public
from gateway.composition.openapi import merge
from gateway.composition.sections import parsed
from gateway.config import SERVICES
from gateway.entrypoints.http.context import upstreams
from gateway.upstream.calls import Call, run_calls

KEEP_SECONDS = 60
blp = Blueprint("api_document", __name__, url_prefix="/api", description="The document of the whole public API.")
_cache: dict = {}
_lock = threading.Lock()


def _fetch() -> dict:
    own = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    calls = {name: Call(name, "/openapi.json") for name in SERVICES}
    outcomes = run_calls(upstreams(), calls, {"Accept": "application/json"})
    return merge(own, {name: parsed(outcome) for name, outcome in outcomes.items()})


@blp.route("/openapi.json")
@public
@blp.response(200, description="OpenAPI 3 document of every public operation under /api.")
def api_document():
    with _lock:
        kept = _cache.get(id(current_app))
    if kept and time.monotonic() - kept[0] < KEEP_SECONDS and not kept[1]["x-services-missing"]:
        return kept[1]
    document = _fetch()
    with _lock:
        _cache[id(current_app)] = (time.monotonic(), document)
    return document
