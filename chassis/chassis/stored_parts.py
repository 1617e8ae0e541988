"""Stored answers of per-customer reads: answered from the service's part store while nothing they show changed.

A route whose answer only writes and time change (the workspace part, ``fieldwork_contracts.workspace_part``; an
insight card list) calls, in this order::

    stored = stored_parts.look_up(customer_id, args, now=now)
    if stored.current:
        return stored.answer()
    document, valid_until = <the service computes the part>
    return stored.keep(Schema, document, valid_until)

Computing is the service's own step, with its own visibility check: a customer that is not the caller's raises 404
before anything is kept, and a stored part exists only for a customer its account could see when it was computed
(hiding a customer is a write, which makes it stale). ``valid_until`` is the moment time alone changes the document
(``chassis.db.part_store.earliest``; None: only writes do).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from flask import Response, current_app
from marshmallow import Schema

from chassis import wire_json
from chassis.auth import current_principal
from chassis.db import part_store, request_session


@dataclass(frozen=True)
class StoredPart:
    """What the store holds for one customer and one combination of arguments."""

    customer_id: uuid.UUID
    variant: str
    found: part_store.Lookup

    @property
    def current(self) -> bool:
        """Whether a part computed under the current generations, and still valid at ``now``, is stored."""
        return self.found.body is not None

    def answer(self) -> Response:
        """The stored bytes, as they went out when the part was computed."""
        if self.found.body is None:
            raise LookupError("nothing current is stored: compute the part and keep it")
        return _json(self.found.body)

    def keep(self, schema: type[Schema], document: dict, valid_until: dt.datetime | None) -> Response:
        """``document`` dumped through ``schema``, stored under the generations read by ``look_up`` and answered."""
        body = wire_json.dumps(_instance(schema).dump(document))
        part_store.store(request_session(), self.customer_id, self.variant, body, self.found, valid_until)
        return _json(body)


def look_up(customer_id: uuid.UUID, args: dict, *, now: dt.datetime) -> StoredPart:
    """The caller's stored part of ``customer_id`` for ``args`` (the request's parsed arguments: each combination is
    stored apart), read before the service computes anything."""
    runtime = current_app.extensions["fieldwork"]
    package = runtime.spec.app_factory.split(".")[0]
    variant = f"{_code_fingerprint(package)}?{urlencode(sorted(args.items()))}"
    # Outside any transaction: a stored answer then costs one round trip, not BEGIN, the lookup and COMMIT. The
    # generations it reads still come before everything the service then reads, which is all their order needs.
    found = part_store.look_up(runtime.database, current_principal().account_id, customer_id, variant, now)
    return StoredPart(customer_id, variant, found)


def _json(body: bytes) -> Response:
    return current_app.response_class(body, mimetype="application/json")


@functools.cache
def _instance(schema: type[Schema]) -> Schema:
    return schema()


@functools.cache
def _code_fingerprint(package: str) -> str:
    """A digest of the service's, the chassis' and the contracts' source: a release that changes how a part is
    computed or shaped never answers one stored by the release before it."""
    digest = hashlib.sha256()
    for name in (package, __name__.split(".")[0], "fieldwork_contracts"):
        for root in map(Path, sys.modules[name].__path__):  # a namespace package may have several
            for source in sorted(root.rglob("*.py")):
                digest.update(source.relative_to(root).as_posix().encode())
                digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
