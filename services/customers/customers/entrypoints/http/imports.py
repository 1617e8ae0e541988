"""Routes of imports from another system, and of the archived data they keep per customer."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.entrypoints.http.schemas.requests import ImportRowArgs, ImportUpload, LayoutArgs
from customers.entrypoints.http.schemas.responses import (ArchivedOut, ImportCreatedOut, ImportOut, ImportRowPage,
                                                          LayoutsOut)
from customers.service_layer import imports as cases
from customers.service_layer.loading import get_customer

blp = Blueprint("imports", __name__, description="Imports from another system")


@blp.get("/imports/layouts", "customers:view", query=LayoutArgs, response=LayoutsOut)
def import_layouts(query):
    kind = cases.KINDS[query["kind"]]
    return {"layouts": [{"name": l.name, "label": l.label, "columns": l.columns} for l in kind.layouts.values()],
            "fields_": kind.fields}


@blp.get("/imports", "customers:view", response=ImportOut(many=True))
def recent_imports():
    return queries.recent_imports(request_session())


@blp.post("/imports", "settings:edit", body=ImportUpload, body_in="multipart", response=ImportCreatedOut, status=201)
def upload_import(command):
    session = request_session()
    import_id, dry_run = cases.create_import(session, command, by=actor(), now=now())
    return {"import_": queries.one_import(session, import_id), "dry_run": dry_run}


@blp.get("/imports/<uuid:import_id>", "customers:view", response=ImportOut)
def read_import(import_id):
    return queries.one_import(request_session(), import_id)


@blp.post("/imports/<uuid:import_id>/start", "settings:edit", response=ImportOut, status=202)
def start_import(import_id):
    session = request_session()
    cases.start(session, import_id, now=now())
    return queries.one_import(session, import_id)


@blp.post("/imports/<uuid:import_id>/retry", "settings:edit", response=ImportOut, status=202)
def retry_import(import_id):
    session = request_session()
    cases.retry(session, import_id, now=now())
    return queries.one_import(session, import_id)


@blp.get("/imports/<uuid:import_id>/rows", "customers:view", query=ImportRowArgs, response=ImportRowPage)
def import_rows(query, import_id):
    session = request_session()
    queries.one_import(session, import_id)  # another account's import is 404
    items, next_after = queries.import_rows_page(session, import_id, after=query["after"],
                                                 outcome=query["outcome"], limit=query["limit"])
    return {"items": items, "next_after": next_after}


@blp.get("/customers/<uuid:customer_id>/archived", "customers:view", response=ArchivedOut)
def archived_fields(customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return {"items": queries.archived_fields(session, customer_id)}
