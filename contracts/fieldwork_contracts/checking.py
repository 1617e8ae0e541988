"""Event contracts: load the JSON Schemas in contracts/events once and check envelopes against them."""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

CONTRACTS_DIR_ENV = "FIELDWORK_CONTRACTS_DIR"
ENVELOPE_FILE = "envelope.schema.json"
DEFS_FILE = "defs.schema.json"
_EVENT_SCHEMA_NAME = re.compile(r"^v([1-9][0-9]*)\.schema\.json$")
_EXAMPLE_NAME = re.compile(r"^v[1-9][0-9]*(\..+)?\.example\.json$")


@dataclass(frozen=True)
class Violation:
    """One reason an event was refused; `path` is dotted from the envelope root ("data.customer.id")."""

    path: str
    keyword: str
    message: str


class ContractError(ValueError):
    """An event does not match its contract, or names a type/version nobody has written down."""

    def __init__(self, message: str, errors: Iterable[Violation] = ()):
        self.message = message
        self.errors = list(errors)
        details = "; ".join(f"{v.path or '<root>'}: {v.message}" for v in self.errors)
        super().__init__(f"{message}: {details}" if details else message)


# --- formats -------------------------------------------------------------------------------
# jsonschema only checks "date-time" and "uri" when optional packages are installed, and then
# silently passes everything. We check them here ourselves, stricter than the RFCs where our
# wire rules are stricter: ids are compared as strings (inbox dedupe, joins), so only the
# canonical lowercase UUID form is accepted; time on the wire is always UTC.
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_UTC_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|\+00:00)$")
_URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _is_uuid(value: object) -> bool:
    return not isinstance(value, str) or bool(_UUID.match(value))


def _is_utc_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _UTC_DATE_TIME.match(value):
        return False
    try:
        datetime.fromisoformat(value)  # the regex lets 2026-02-30 through; the calendar does not
    except ValueError:
        return False
    return True


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _URI_SCHEME.match(value) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme not in ("http", "https") or bool(parts.hostname)


def _format_checker() -> FormatChecker:
    checker = FormatChecker()  # keeps jsonschema's own date, email, ... checks
    checker.checks("uuid")(_is_uuid)
    checker.checks("date-time")(_is_utc_date_time)
    checker.checks("uri")(_is_uri)
    return checker


def _is_strict_integer(_checker: object, value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# JSON Schema counts 6845.0 as an integer; we don't, so a float never slips into cents or versions.
_StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_strict_integer),
)


# --- locating and loading ------------------------------------------------------------------
def contracts_dir() -> Path:
    """The folder holding envelope.schema.json: $FIELDWORK_CONTRACTS_DIR, else found above this file."""
    configured = os.environ.get(CONTRACTS_DIR_ENV)
    if configured:
        folder = Path(configured)
        for candidate in (folder, folder / "events", folder / "contracts" / "events"):
            if (candidate / ENVELOPE_FILE).is_file():
                return candidate
        raise ContractError(f"{CONTRACTS_DIR_ENV}={configured} holds no {ENVELOPE_FILE}")
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "contracts" / "events"
        if (candidate / ENVELOPE_FILE).is_file():
            return candidate
    raise ContractError(f"no contracts/events above {__file__}; set {CONTRACTS_DIR_ENV}")


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class _EventContract:
    validator: Draft202012Validator
    producer: str | None


@dataclass(frozen=True)
class _Catalog:
    folder: Path
    envelope: Draft202012Validator
    events: dict[tuple[str, int], _EventContract]


_DEFS_REF = re.compile(r"^(?:\.\./" + re.escape(DEFS_FILE) + r")?#/\$defs/([A-Za-z0-9_]+)$")


def _inline_defs(node: Any, defs: dict) -> Any:
    """Copy the shared definitions into the schema, so checking an event resolves no ``$ref`` per field (what that
    cost: bench/README.md, "Figures behind choices")."""
    if isinstance(node, list):
        return [_inline_defs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inline_defs(value, defs) for key, value in node.items() if key != "$defs"}
    match = _DEFS_REF.match(node.get("$ref", ""))
    if not match or match.group(1) not in defs:
        return node
    target = _inline_defs(defs[match.group(1)], defs)
    siblings = {key: value for key, value in node.items() if key != "$ref"}
    if siblings.keys() <= {"description", "title"}:
        return {**target, **siblings}
    return {**siblings, "allOf": [target]}


@functools.cache
def _catalog() -> _Catalog:
    """Read every schema once per process and compile one validator per event version."""
    folder = contracts_dir()
    schema_paths = sorted(folder.rglob("*.schema.json"))
    schemas = {path: _read_json(path) for path in schema_paths}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    checker = _format_checker()
    defs = schemas.get(folder / DEFS_FILE, {}).get("$defs", {})

    def compile_(schema: dict) -> Draft202012Validator:
        return _StrictValidator(_inline_defs(schema, defs), registry=registry, format_checker=checker)

    events = {}
    for path, schema in schemas.items():
        match = _EVENT_SCHEMA_NAME.match(path.name)
        if match and path.parent.parent == folder:
            events[(path.parent.name, int(match.group(1)))] = _EventContract(
                compile_(schema), schema.get("x-producer")
            )
    return _Catalog(folder, compile_(schemas[folder / ENVELOPE_FILE]), events)


# --- the public calls ----------------------------------------------------------------------
def _violations(errors: Iterable[ValidationError], *prefix: str) -> list[Violation]:
    found = [
        Violation(".".join(str(part) for part in (*prefix, *error.absolute_path)), str(error.validator), error.message)
        for error in errors
    ]
    return sorted(found, key=lambda v: (v.path, v.keyword))


def validate_event(envelope: dict) -> None:
    """Raise ContractError unless the envelope and its data match the contract of its type and version."""
    catalog = _catalog()
    problems = _violations(catalog.envelope.iter_errors(envelope))
    if problems:
        raise ContractError("invalid event envelope", problems)
    key = (envelope["type"], envelope["version"])
    contract = catalog.events.get(key)
    if contract is None:
        known_versions = sorted(v for t, v in catalog.events if t == key[0])
        if known_versions:
            where = Violation("version", "contract", f"{key[0]} has versions {known_versions}, not {key[1]}")
            raise ContractError(f"unknown version {key[1]} of event type {key[0]}", [where])
        where = Violation("type", "contract", f"no contract for event type {key[0]!r}")
        raise ContractError(f"unknown event type {key[0]}", [where])
    if contract.producer and envelope["producer"] != contract.producer:
        where = Violation("producer", "contract", f"{key[0]} is published by {contract.producer}")
        raise ContractError(f"{envelope['producer']} may not publish {key[0]}", [where])
    problems = _violations(contract.validator.iter_errors(envelope["data"]), "data")
    if problems:
        raise ContractError(f"invalid data for {key[0]} v{key[1]}", problems)


def data_schema(event_type: str, version: int) -> dict:
    """The schema of ``data`` for one version of a type, the shared definitions written in place of their $refs."""
    return _catalog().events[(event_type, version)].validator.schema


def known_types() -> set[tuple[str, int]]:
    """Every (event type, version) that has a contract."""
    return set(_catalog().events)


def examples() -> list[tuple[Path, dict]]:
    """Every example envelope, in the order they happened, so a consumer test can replay them as a stream."""
    folder = _catalog().folder
    found = [
        (path, _read_json(path))
        for path in sorted(folder.glob("*/*.example.json"))
        if _EXAMPLE_NAME.match(path.name)
    ]
    return sorted(found, key=lambda item: (_moment(item[1]), str(item[0])))


def example(event_type: str, account_id: uuid.UUID | str | None = None) -> dict:
    """A fresh copy of the type's main example of its newest version (``v<N>.example.json``), for building a
    consumer test's events; with ``account_id``, re-addressed to that account (see ``readdressed``)."""
    newest = max(version for type_, version in known_types() if type_ == event_type)
    envelope = _read_json(_catalog().folder / event_type / f"v{newest}.example.json")
    return readdressed(envelope, account_id) if account_id is not None else copy.deepcopy(envelope)


def readdressed(envelope: dict, account_id: uuid.UUID | str) -> dict:
    """The same event for another account: an id derived from both (a redelivery keeps it), same entity ids,
    so each test account replays the examples' story on its own."""
    moved = copy.deepcopy(envelope)
    moved["id"] = str(uuid.uuid5(uuid.UUID(str(account_id)), envelope["id"]))
    moved["account_id"] = str(account_id)
    return moved


def _moment(envelope: dict) -> datetime:
    try:
        return datetime.fromisoformat(envelope["occurred_at"])
    except (KeyError, TypeError, ValueError):
        return datetime.min.replace(tzinfo=timezone.utc)  # a broken example sorts first and fails its test
