"""Tests that walk an API document: generated inputs on every operation, another account's ids, each permission.

A service's tests give a seed (one record of every kind, written through the service's own API and events) and
get three walks over the document the app serves, so a new route is walked without anyone adding it (each walk
returns every failure it found and the number of requests it sent; ``assert_clean`` fails listing them all):

- ``fuzz_failures()``: schemathesis on every operation, path ids filled with the seeded ones, with the checks
  below, bounded and derandomized;
- ``tenancy_failures()``: account B, holding every permission, gets 404 for each of account A's ids in a path and
  422 on the field for each of A's ids referenced in a body, and A's rows are the same afterwards;
- ``permission_failures()``: the document's ``x-permission`` is what the code requires; every other permission
  gets 403, the operation's permission alone gets past authorization (and 200 for a read of a seeded record).
"""
from __future__ import annotations

import copy
import hashlib
import io
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

import schemathesis
from fieldwork_contracts.checking import example
from fieldwork_contracts.permissions import ALL_PERMISSIONS
from schemathesis.checks import (content_type_conformance, negative_data_rejection, not_a_server_error,
                                 response_schema_conformance, status_code_conformance)
from sqlalchemy import create_engine, text

from chassis.auth import mint_token
from chassis.testing.api_document import PUBLIC, Operation, minimal_body, operations, view_permissions
from chassis.testing.plugin import TEST_JWT_SECRET

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance,
          negative_data_rejection]


def token(account_id, perms=ALL_PERMISSIONS) -> str:
    return mint_token(TEST_JWT_SECRET, sub="walker", account_id=account_id, perms=perms, ttl_seconds=3600)


def bearer(account_id, perms=ALL_PERMISSIONS) -> dict:
    return {"Authorization": f"Bearer {token(account_id, perms)}"}


@dataclass
class Seeded:
    """One account's records: ``ids`` by the name a path or body gives them, ``bodies`` the API accepted.

    ``under`` gives other ids below a path prefix, where two services use one name (``/api/credit-notes`` and a
    customer's notes both say ``note_id``); ``unseeded`` names ids that point at no record (the seed cannot make
    one), so a read of them is not expected to find anything."""
    account_id: uuid.UUID
    ids: dict[str, Any] = field(default_factory=dict)
    bodies: dict[tuple[str, str], Any] = field(default_factory=dict)
    under: dict[str, dict[str, Any]] = field(default_factory=dict)
    unseeded: set[str] = field(default_factory=set)
    no_reference_walk: dict[str, str] = field(default_factory=dict)  # "POST /path" → why its body refs are not walked

    def for_path(self, path: str) -> dict[str, Any]:
        values = dict(self.ids)
        for prefix, ids in self.under.items():
            if path.startswith(prefix):
                values.update(ids)
        return values


class Seeder:
    """Writes an account's records through a Flask test client, failing loudly; remembers ids and bodies."""

    def __init__(self, client, account_id: uuid.UUID, prefix: str = "", deliver: Callable[[dict], Any] | None = None):
        self.client, self.prefix, self._deliver = client, prefix, deliver
        self.seeded = Seeded(account_id)
        self.headers = bearer(account_id)

    @property
    def ids(self) -> dict:
        return self.seeded.ids

    @property
    def account_id(self) -> uuid.UUID:
        return self.seeded.account_id

    def call(self, method: str, template: str, body=None, expect=(200, 201, 202, 204), **kwargs):
        """``call("POST", "/customers/{customer_id}/notes", {...})``: path values from ``ids``; the body (JSON, or a
        ``Form``) is kept as this operation's sample for the walks."""
        path = self.prefix + template
        url = Operation(method, path, (), (), (), None, {}).url(self.ids)
        response = self.client.open(url, method=method, headers=self.headers, **_body_kwargs(body), **kwargs)
        assert response.status_code in expect, (method, url, response.status_code, response.get_data(as_text=True))
        if body is not None:
            self.seeded.bodies[(method, path)] = body
        return response.get_json(silent=True)

    def post(self, template, body=None, **kwargs):
        return self.call("POST", template, body, **kwargs)

    def event(self, event_type: str, **data) -> dict:
        """Delivers the type's contract example for this account, fresh id, ``data`` keys replaced (dicts merged)."""
        envelope = example(event_type, self.account_id)
        envelope["id"] = str(uuid.uuid4())
        for key, value in data.items():
            if isinstance(value, dict) and isinstance(envelope["data"].get(key), dict):
                value = {**envelope["data"][key], **value}
            envelope["data"][key] = value
        assert self._deliver is not None, "this seeder was given no way to deliver events"
        assert self._deliver(envelope), envelope
        return envelope

    def customer_known(self, name: str = "Dana Whitfield", **snapshot) -> str:
        """A new customer this service heard of through ``customer.created``; returns its id."""
        customer_id = str(uuid.uuid4())
        self.event("customer.created", customer={"id": customer_id, "display_name": name, **snapshot})
        return customer_id


@dataclass(frozen=True)
class Form:
    """A multipart form body: plain fields, and files as ``(content, filename)``; sent afresh each time."""
    fields: dict

    def data(self) -> dict:
        return {name: (io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else value
                for name, value in self.fields.items()}


def _body_kwargs(body) -> dict:
    if body is None:
        return {}
    if isinstance(body, Form):
        return {"data": body.data(), "content_type": "multipart/form-data"}
    return {"json": body}


def deliverer(app) -> Callable[[dict], bool]:
    """Applies an event to an in-process app through the consumer's own code path."""
    from chassis.messaging.apply import apply_event

    def deliver(envelope: dict) -> bool:
        runtime = app.extensions["fieldwork"]
        return apply_event(runtime.database, runtime.spec.handlers, envelope, runtime.adapters)

    return deliver


def account_digest(database_urls: list[str], account_id) -> dict[str, str]:
    """A digest of an account's rows in every table with an ``account_id`` column, per table."""
    digests = {}
    for url in database_urls:
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                tables = connection.scalars(text(
                    "SELECT table_name FROM information_schema.columns WHERE column_name = 'account_id' "
                    "AND table_schema = current_schema() ORDER BY table_name")).all()
                for table in tables:
                    rows = connection.scalars(text(
                        f'SELECT t::text FROM "{table}" t WHERE account_id = :a ORDER BY 1'), {"a": str(account_id)})
                    digests[f"{engine.url.database}.{table}"] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        finally:
            engine.dispose()
    return digests


class Walk:
    """The three walks over one app's document (a service, or the gateway in front of the whole system).

    ``seed(seeder)`` writes one record of every kind; ``permission_of(operation)`` is what the code requires (the
    view's ``@require``), checked against the document's ``x-permission`` and used where the document names none;
    ``database_urls`` hold the account-owned tables.
    """

    def __init__(self, app, seed: Callable[[Seeder], None], *, database_urls: list[str],
                 permission_of: Callable[[Operation], str | None] = lambda operation: None,
                 document_path: str = "/openapi.json", prefix: str = "", deliver=None):
        self.app, self.client, self.prefix = app, app.test_client(), prefix
        self.document_path, self.database_urls = document_path, database_urls
        self._seed, self._deliver, self._permission_of = seed, deliver, permission_of
        response = self.client.get(document_path, headers=bearer(uuid.uuid4()))
        assert response.status_code == 200, response.get_data(as_text=True)
        self.document = response.get_json()
        self.operations = operations(self.document)

    def seeded(self) -> Seeded:
        """A fresh account with one record of every kind."""
        seeder = Seeder(self.client, uuid.uuid4(), self.prefix, self._deliver)
        self._seed(seeder)
        return seeder.seeded

    def permission(self, operation: Operation) -> str | None:
        return operation.permission or self._permission_of(operation)

    def guarded(self) -> list[Operation]:
        return [op for op in self.operations if self.permission(op) != PUBLIC]

    def body(self, operation: Operation, seeded: Seeded):
        sample = seeded.bodies.get((operation.method, operation.path))
        if sample is not None:
            return copy.deepcopy(sample)
        return minimal_body(self.document, operation, seeded.ids)

    def send(self, operation: Operation, seeded: Seeded, perms=ALL_PERMISSIONS, *, path_ids: dict | None = None,
             body=None, account=None):
        url = operation.url({**seeded.for_path(operation.path), **(path_ids or {})})
        return self.client.open(url, method=operation.method, headers=bearer(account or seeded.account_id, perms),
                                **_body_kwargs(body))

    # -- property-based ------------------------------------------------------------------------------------------

    def schema(self, seeded: Seeded, *, max_examples: int):
        """The served document for schemathesis: path parameters named like seeded ids take those ids."""
        config = schemathesis.Config.from_dict({
            "generation": {"max-examples": max_examples, "deterministic": True, "database": "none"},
            "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
            "parameters": {f"path.{name}": str(value) for name, value in seeded.ids.items()},
            "headers": bearer(seeded.account_id),
        })
        return schemathesis.openapi.from_wsgi(self.document_path, self.app, config=config,
                                              headers=bearer(seeded.account_id))

    def fuzz_failures(self, seeded: Seeded, *, max_examples: int) -> tuple[list[str], int]:
        """schemathesis on every operation with ``CHECKS``: (each operation's failures, requests sent)."""
        return fuzz(self.schema(seeded, max_examples=max_examples))

    # -- tenancy -------------------------------------------------------------------------------------------------

    def tenancy_failures(self, a: Seeded, b: Seeded) -> tuple[list[str], int]:
        """B (every permission) against A's ids: (what failed, how many requests were sent)."""
        before = account_digest(self.database_urls, a.account_id)
        failures, sent = [], 0
        for operation in self.guarded():
            if operation.id_params:
                a_ids = a.for_path(operation.path)
                missing = [name for name in operation.id_params if name not in a_ids]
                if missing:
                    failures.append(f"{operation}: no seeded id for {missing} (add one to the seed)")
                    continue
                response = self.send(operation, b, body=self.body(operation, b),
                                     path_ids={name: a_ids[name] for name in operation.id_params})
                sent += 1
                if response.status_code != 404:
                    failures.append(f"{operation} with A's {', '.join(operation.id_params)} as B: "
                                    f"{response.status_code} {_short(response)} (expected 404)")
            if operation.body_refs and str(operation) in b.no_reference_walk:
                print(f"tenancy: {operation}'s body references not walked: {b.no_reference_walk[str(operation)]}")
                continue
            for ref in operation.body_refs:
                name = ref[-1]
                body = self.body(operation, b)
                if name not in a.ids:
                    failures.append(f"{operation}: no seeded id for body field {'.'.join(ref)} (add one to the seed)")
                    continue
                if not _place(body, ref, a.ids[name]):
                    failures.append(f"{operation}: body field {'.'.join(ref)} not in the sample body (seed one)")
                    continue
                response = self.send(operation, b, body=body)
                sent += 1
                fields = (response.get_json(silent=True) or {}).get("error", {}).get("fields") or {}
                if response.status_code != 422 or not {ref[0], name} & set(fields):
                    failures.append(f"{operation} with A's {name} at {'.'.join(ref)} as B: "
                                    f"{response.status_code} {_short(response)} (expected 422 on {ref[0]})")
        after = account_digest(self.database_urls, a.account_id)
        changed = sorted(table for table in before if before[table] != after.get(table))
        if changed:
            failures.append(f"A's rows changed in {changed}")
        return failures, sent

    # -- permissions ---------------------------------------------------------------------------------------------

    def permission_failures(self, seeded: Seeded) -> tuple[list[str], int]:
        """Each operation with every other permission, then with its own alone: (what failed, requests sent).
        The permission is the document's ``x-permission``, which must agree with what the code requires
        (``permission_of``). Reads go first and deletes last, so the seeded records are there for every read."""
        failures, sent = [], 0
        order = {"GET": 0, "DELETE": 2}
        for operation in sorted(self.guarded(), key=lambda op: order.get(op.method, 1)):
            permission, declared = self.permission(operation), self._permission_of(operation)
            if operation.permission is None:
                failures.append(f"{operation}: the document names no x-permission (the code requires {declared})")
            elif declared is not None and declared != operation.permission:
                failures.append(f"{operation}: the document says {operation.permission}, the code requires {declared}")
            if permission is None:
                continue
            missing = [name for name in operation.path_params if name not in seeded.for_path(operation.path)]
            if missing:
                failures.append(f"{operation}: no seeded value for {missing} (add one to the seed)")
                continue
            others = [p for p in ALL_PERMISSIONS if p != permission]
            refused = self.send(operation, seeded, others, body=self.body(operation, seeded))
            alone = self.send(operation, seeded, [permission], body=self.body(operation, seeded))
            sent += 2
            if refused.status_code != 403:
                failures.append(f"{operation} without {permission}: {refused.status_code} {_short(refused)} "
                                f"(expected 403)")
            if alone.status_code in (401, 403):
                failures.append(f"{operation} with {permission} alone: {alone.status_code} {_short(alone)}")
            elif operation.method == "GET" and alone.status_code != 200 \
                    and not seeded.unseeded & set(operation.path_params):
                failures.append(f"{operation} with {permission} alone on seeded records: {alone.status_code} "
                                f"{_short(alone)} (expected 200)")
        return failures, sent


def fuzz(schema) -> tuple[list[str], int]:
    """Runs each operation's generated cases as schemathesis' pytest plugin would (examples, then fuzzing), one
    operation after another, and keeps going past a failing one so a run lists them all."""
    from hypothesis.errors import HypothesisException
    from schemathesis.core.result import Err
    from schemathesis.generation.feedback import FeedbackSources
    from schemathesis.pytest._test_builder import build_operation_test

    failures, sent = [], [0]

    def call(case):
        sent[0] += 1
        case.call_and_validate(checks=CHECKS)

    for result in schema.get_all_operations():
        if isinstance(result, Err):
            failures.append(f"an operation schemathesis cannot read: {result.err()}")
            continue
        operation = result.ok()
        test = build_operation_test(config=schema.config, operation=operation, test_func=call, given_kwargs={},
                                    feedback=FeedbackSources())
        try:
            test()
        except HypothesisException as error:
            failures.append(f"{operation.label}: hypothesis: {error}")
        except BaseException as error:  # noqa: BLE001 -- a check's failure group, or the app raising: both listed
            if isinstance(error, KeyboardInterrupt):
                raise
            failures.append(f"{operation.label}: {str(error).strip()}")
    return failures, sent[0]


def _place(body, ref: tuple[str, ...], value) -> bool:
    """Puts ``value`` where ``ref`` points in ``body`` (every item of an array); False when the body has no place."""
    if not isinstance(body, dict):
        return False
    head, rest = ref[0], ref[1:]
    if not rest:
        body[head] = str(value)
        return True
    inner = body.get(head)
    if rest[0] == "*":
        items = [item for item in inner or [] if isinstance(item, dict)]
        return bool(items) and all(_place(item, rest[1:], value) for item in items)
    return _place(inner, rest, value)


def _short(response) -> str:
    return response.get_data(as_text=True)[:160].replace("\n", " ")


def assert_clean(title: str, result: tuple[list[str], int]) -> None:
    """Fails listing every failure; prints the count of requests either way (shown with ``-s``)."""
    failures, sent = result
    print(f"{title}: {len(failures)} failures in {sent} requests")
    assert not failures, f"{title}: {len(failures)} failures in {sent} requests\n" + "\n\n".join(failures)


def service_walk(app, seed: Callable[[Seeder], Any]) -> Walk:
    """One service's walk: its own document and database, the events its seed sends applied by its consumer's code."""
    return Walk(app, seed, database_urls=[app.extensions["fieldwork"].settings.database_url],
                permission_of=view_permissions(app), deliver=deliverer(app))


class WalkTests:
    """The three walks every API document gets. A test module subclasses it beside a ``walk`` fixture
    (``class TestApiWalk(WalkTests)``), so each service and the gateway are walked the same way."""

    max_examples = 12  # generated requests per operation for schemathesis

    def test_every_answer_is_deliberate_and_documented(self, walk):
        assert_clean("schemathesis", walk.fuzz_failures(walk.seeded(), max_examples=self.max_examples))

    def test_another_account_reaches_none_of_its_records(self, walk):
        assert_clean("tenancy", walk.tenancy_failures(walk.seeded(), walk.seeded()))

    def test_each_operation_needs_exactly_its_permission(self, walk):
        assert_clean("permissions", walk.permission_failures(walk.seeded()))
