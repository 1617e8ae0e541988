"""One OpenAPI document for the whole public API: the gateway's own operations plus every service's, as /api/…

Only operations the route table exposes are kept (service-internal ones like /portal/redeem are not),
and each service's schema names get the service's name in front so that two services' "Page" never collide.
A workspace section's ``data`` is what a service answered, passed on as it came, so the document points it at
the schema that service documents for it.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Mapping

from gateway.composition.workspace import CUSTOMER_SECTIONS, INSIGHTS, PROFILE, SECTIONS, section_schema_name
from gateway.routes import API_PREFIX, READ_METHODS, ROUTES, WRITE_METHODS, Resource

_METHODS = {m.lower() for m in READ_METHODS + WRITE_METHODS}
_VARIABLE = re.compile(r"^(<[^>]+>|\{[^}]+\})$")


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _covers(resource: Resource, path: str) -> bool:
    wanted, actual = _segments(resource.path), _segments(path)
    if len(actual) < len(wanted) or (len(actual) > len(wanted) and not resource.subtree):
        return False
    return all(w == a or (_VARIABLE.match(w) and _VARIABLE.match(a)) for w, a in zip(wanted, actual))


def exposing(service: str, path: str) -> Resource | None:
    return next((r for r in ROUTES if r.service == service and _covers(r, path)), None)


def _renamed(value, prefix: str, names: set[str]):
    if isinstance(value, dict):
        return {k: (_ref(v, prefix, names) if k == "$ref" else _renamed(v, prefix, names)) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, prefix, names) for v in value]
    return value


def _ref(ref: str, prefix: str, names: set[str]) -> str:
    head, _, name = ref.rpartition("/")
    return f"{head}/{prefix}{name}" if head == "#/components/schemas" and name in names else ref


def merge(own: dict, services: Mapping[str, dict | None]) -> dict:
    document = copy.deepcopy(own)
    paths = document.setdefault("paths", {})
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    document["x-services-missing"] = sorted(name for name, spec in services.items() if not spec)
    for service, spec in services.items():
        if not spec:
            continue
        prefix = service.capitalize()
        names = set(spec.get("components", {}).get("schemas", {}))
        for name, schema in spec.get("components", {}).get("schemas", {}).items():
            schemas[f"{prefix}{name}"] = _renamed(schema, prefix, names)
        for path, operations in spec.get("paths", {}).items():
            resource = exposing(service, path)
            if resource is None:
                continue
            kept = {}
            for method, operation in operations.items():
                if method in _METHODS:
                    operation = _renamed(operation, prefix, names)
                    operation["tags"] = [f"{service}: {t}" for t in operation.get("tags", [])] or [service]
                    if resource.public:
                        operation["security"] = []
                    kept[method] = operation
                elif method == "parameters":
                    kept[method] = operation
            if kept:
                paths[f"{API_PREFIX}{path}"] = kept
    _point_sections_at_services(document)
    return document


# What the gateway passes on from a service part, by where it sits in the gateway's schemas and in that part.
_PASSED_ON = {
    **{(section_schema_name(section), "data"): (service, (key,)) for section, (service, key) in SECTIONS.items()},
    (section_schema_name(PROFILE), "data"): ("customers", (PROFILE,)),
    **{(section_schema_name(section), "data"): ("customers", (section,)) for section in CUSTOMER_SECTIONS},
    ("PinnedNotesSection", "items"): ("customers", (PROFILE, "pinned_notes")),
    ("WorkspaceHeader", "last_completed"): ("jobs", ("summary", "last_completed")),
    ("WorkspaceHeader", "next_scheduled"): ("jobs", ("summary", "next_scheduled")),
}


def _point_sections_at_services(document: dict) -> None:
    schemas = document["components"]["schemas"]
    passed_on = {place: _part_property(schemas, service, keys) for place, (service, keys) in _PASSED_ON.items()}
    insights = _json_answer(document, f"{API_PREFIX}/customers/{{customer_id}}/insights", "get", "200")
    passed_on[(section_schema_name(INSIGHTS), "data")] = None if insights is None else insights["schema"]
    for (name, prop), schema in passed_on.items():
        own = schemas.get(name)
        if own is not None and schema is not None:
            own["properties"][prop] = copy.deepcopy(schema)
    # A portal visitor's approval answers what the jobs service's approval answered.
    approved = _json_answer(document, f"{API_PREFIX}/estimates/{{estimate_id}}/approve", "post", "200")
    portal_approval = _json_answer(document, f"{API_PREFIX}/portal/estimates/{{estimate_id}}/approve", "post", "200")
    if approved is not None and portal_approval is not None:
        portal_approval["schema"] = copy.deepcopy(approved["schema"])


def _json_answer(document: dict, path: str, method: str, status: str) -> dict | None:
    operation = document["paths"].get(path, {}).get(method, {})
    return operation.get("responses", {}).get(status, {}).get("content", {}).get("application/json")


def _part_property(schemas: dict, service: str, keys: tuple[str, ...]) -> dict | None:
    """The schema at ``keys`` in the service's workspace part (``fieldwork_contracts.workspace_part.part_schema``
    names it), following the service's references on the way."""
    schema = schemas.get(f"{service.capitalize()}{service.title()}WorkspacePart")
    for key in keys:
        while schema is not None and "$ref" in schema:
            schema = schemas.get(schema["$ref"].rpartition("/")[2])
        schema = None if schema is None else schema.get("properties", {}).get(key)
    return schema
