"""A service's OpenAPI document read as a list of operations: their ids in the path, their references in the body,
the permission each needs, and a body that satisfies the document when a test has no better one."""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

from flask import Flask

from chassis.auth.guard import declared_permission, is_public

METHODS = ("get", "put", "post", "patch", "delete")
PUBLIC = "(public)"
_PARAMETER = re.compile(r"\{(\w+)\}")
_ANY = "*"  # an array's items in a reference's place in the body


@dataclass(frozen=True)
class Operation:
    method: str                                  # upper case
    path: str                                    # the document's template, e.g. /customers/{customer_id}
    path_params: tuple[str, ...]
    body_refs: tuple[tuple[str, ...], ...]       # where a *_id sits in the body: ("lines", "*", "job_id")
    media_types: tuple[str, ...]
    permission: str | None                       # the document's x-permission (PUBLIC for security: [])
    spec: dict

    def __str__(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def id_params(self) -> tuple[str, ...]:
        return tuple(name for name in self.path_params if name.endswith("_id"))

    def url(self, values: dict) -> str:
        return _PARAMETER.sub(lambda match: quote(str(values[match.group(1)]), safe=""), self.path)


def operations(document: dict) -> list[Operation]:
    """Every operation of the document, in its order."""
    found = []
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            spec = item.get(method)
            if spec is None:
                continue
            params = [p for p in [*shared, *spec.get("parameters", [])] if p.get("in") == "path"]
            content = spec.get("requestBody", {}).get("content", {})
            refs = set()
            for media in content.values():
                refs |= set(_references(document, media.get("schema", {})))
            permission = spec.get("x-permission")
            if permission is None and spec.get("security") == []:
                permission = PUBLIC
            found.append(Operation(method.upper(), path, tuple(p["name"] for p in params), tuple(sorted(refs)),
                                   tuple(content), permission, spec))
    return found


def resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in schema:
        merged: dict = {"properties": {}, "required": []}
        for part in schema["allOf"]:
            part = resolve(document, part)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return {**schema, **merged}
    return schema


def _references(document: dict, schema: dict, prefix: tuple[str, ...] = (), depth: int = 0):
    if depth > 6:
        return
    schema = resolve(document, schema)
    if schema.get("type") == "array" or "items" in schema:
        yield from _references(document, schema.get("items", {}), (*prefix, _ANY), depth + 1)
    for name, sub in schema.get("properties", {}).items():
        if name.endswith("_id"):
            yield (*prefix, name)
        else:
            yield from _references(document, sub, (*prefix, name), depth + 1)


def minimal_body(document: dict, operation: Operation, ids: dict) -> dict | None:
    """The required properties of the operation's JSON body with plain valid values (ids from ``ids``), else None."""
    content = operation.spec.get("requestBody", {}).get("content", {})
    media = content.get("application/json")
    if media is None:
        return None
    return _value(document, media.get("schema", {}), "", ids, 0)


def _value(document: dict, schema: dict, name: str, ids: dict, depth: int):
    schema = resolve(document, schema)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object" if "properties" in schema else "string")
    if kind == "object":
        return {key: _value(document, schema["properties"].get(key, {}), key, ids, depth + 1)
                for key in schema.get("required", []) if depth < 6}
    if kind == "array":
        return [_value(document, schema.get("items", {}), name, ids, depth + 1)] if schema.get("minItems") else []
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    formats = {"uuid": ids.get(name, str(uuid.uuid4())), "date": dt.date.today().isoformat(),
               "date-time": dt.datetime.now(dt.timezone.utc).isoformat(), "email": "walk@example.com"}
    return formats.get(schema.get("format"), ids.get(name, "x" * max(schema.get("minLength", 1), 1)))


def view_permissions(app: Flask) -> Callable[[Operation], str | None]:
    """The permission the app's view for an operation declares (``blp.get(rule, permission)``), PUBLIC for a public
    one, else None:
    what the document's ``x-permission`` says once every operation carries it."""
    adapter = app.url_map.bind("walk.test")

    def permission(operation: Operation) -> str | None:
        probe = operation.url({name: uuid.uuid4() for name in operation.path_params})
        try:
            endpoint, _ = adapter.match(probe, method=operation.method)
        except Exception:  # noqa: BLE001 -- the document names a path the app does not route: no permission
            return None
        view = app.view_functions[endpoint]
        return PUBLIC if is_public(view) else declared_permission(view)

    return permission
