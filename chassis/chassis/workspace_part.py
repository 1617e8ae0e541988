"""The workspace-part contract: each service answers its share of a customer's workspace in one call.

The gateway composes the customer workspace from one call per service, never one per section:
every HTTP request costs a few milliseconds of CPU on top of its queries, and on a small box the
workspace's cost is the sum of its calls. So each service offers

    GET /customers/<id>/workspace-part?limit=10&activity_limit=20

guarded by that service's view permission, answering 404 for a customer that is not the caller's,
and holding under fixed keys the first pages of its lists (``limit`` items each), its figures for
the header, and under ``activity`` the first page of its part of the timeline, exactly as its
``GET /customers/<id>/activity?limit=<activity_limit>`` would answer it.

``answer_part`` answers it from the service's part store (``chassis.db.part_store``) while nothing it shows
has changed, and computes and keeps it otherwise.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import sys
import uuid
from pathlib import Path
from urllib.parse import urlencode
from typing import Callable

from flask import Response, current_app
from marshmallow import Schema, fields, validate

from chassis import wire_json
from chassis.activity import ActivityItemSchema
from chassis.auth import current_principal
from chassis.db import part_store, request_session
from chassis.pagination import MAX_LIMIT, page_schema

PATH = "/customers/<uuid:customer_id>/workspace-part"
ACTIVITY = "activity"
FIRST_PAGE = 10
TIMELINE_PAGE = 20


class PartArgs(Schema):
    """The query string of every service's workspace part."""

    limit = fields.Integer(load_default=FIRST_PAGE, validate=validate.Range(min=1, max=MAX_LIMIT))
    activity_limit = fields.Integer(load_default=TIMELINE_PAGE, validate=validate.Range(min=1, max=MAX_LIMIT))


def part_schema(service: str, sections: dict[str, fields.Field]) -> type[Schema]:
    """The response schema of a service's part: its own sections plus the first activity page."""
    activity = fields.Nested(page_schema(ActivityItemSchema, name=f"{service.title()}PartActivityPage"), required=True)
    return Schema.from_dict({**sections, ACTIVITY: activity}, name=f"{service.title()}WorkspacePart")


Computed = tuple[dict, "dt.datetime | None"]


def answer_part(schema: type[Schema], customer_id: uuid.UUID, args: dict, *, now: dt.datetime,
                compute: Callable[[], Computed]) -> Response:
    """The part as stored when still current, else ``compute()`` dumped through ``schema``, kept and answered.

    ``args`` are the request's parsed arguments (each combination is stored apart); any per-customer read whose
    answer only writes and time change can be answered this way, not only the workspace-part route.

    ``compute`` returns the document and the moment time alone would change it (None: only writes do), and does
    the part's own visibility check: a customer that is not the caller's raises 404 before anything is kept, and a
    stored part exists only for a customer its account could see when it was computed (hiding a customer is a
    write, which makes it stale).
    """
    runtime = current_app.extensions["fieldwork"]
    package = runtime.spec.app_factory.split(".")[0]
    # Every argument shapes the answer, so each combination is stored apart.
    variant = f"{_code_fingerprint(package)}?{urlencode(sorted(args.items()))}"
    account_id = current_principal().account_id
    # Outside any transaction: a stored answer then costs one round trip, not BEGIN, the lookup and COMMIT. The
    # generations it reads still come before everything ``compute`` reads, which is all their order needs.
    found = part_store.look_up(runtime.database, account_id, customer_id, variant, now)
    body = found.body
    if body is None:
        document, valid_until = compute()
        body = wire_json.dumps(_instance(schema).dump(document))
        part_store.store(request_session(), customer_id, variant, body, found, valid_until)
    return current_app.response_class(body, mimetype="application/json")


@functools.cache
def _instance(schema: type[Schema]) -> Schema:
    return schema()


@functools.cache
def _code_fingerprint(package: str) -> str:
    """A digest of the service's and the chassis' source: a release that changes how a part is computed or shaped
    never answers one stored by the release before it."""
    digest = hashlib.sha256()
    for name in (package, __name__.split(".")[0]):
        for root in map(Path, sys.modules[name].__path__):  # a namespace package may have several
            for source in sorted(root.rglob("*.py")):
                digest.update(source.relative_to(root).as_posix().encode())
                digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
