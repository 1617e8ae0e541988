"""Routes of imports from another system, and of the archived data they keep per customer."""
from __future__ import annotations

import json
import uuid

from sqlalchemy import text

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.errors import Conflict, NotFound
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.entrypoints.http.schemas.requests import ImportRowArgs, ImportUpload, LayoutArgs
from customers.entrypoints.http.schemas.responses import (ArchivedOut, ImportCreatedOut, ImportOut, ImportRowPage,
                                                          LayoutsOut)
from customers.service_layer import imports as cases
from customers.service_layer.commands import UploadImport
from customers.service_layer.loading import get_customer

blp = Blueprint("imports", __name__, description="Imports from another system")

_COLUMNS = ("id, kind, filename, layout, status, total_rows, position AS rows_done, rows_created, rows_matched, "
            "rows_failed, attempts, error, created_by, created_at, started_at, updated_at, finished_at")


def _progress(row) -> dict:
    out = dict(row._mapping)
    updated, started = out.pop("updated_at"), out["started_at"]
    out["seconds_left"] = None
    if out["status"] == "running" and started and updated and out["rows_done"]:
        rate = out["rows_done"] / max((updated - started).total_seconds(), 0.001)
        out["seconds_left"] = round((out["total_rows"] - out["rows_done"]) / rate)
    return out


def _import(import_id: uuid.UUID) -> dict:
    session = request_session()
    row = session.execute(text(f"SELECT {_COLUMNS} FROM imports WHERE id = :id AND account_id = :account"),
                          {"id": import_id, "account": session.info["account_id"]}).first()
    if row is None:
        raise NotFound("No such import.")
    return _progress(row)


@blp.get("/imports/layouts", "customers:view", query=LayoutArgs, response=LayoutsOut)
def import_layouts(query):
    kind = cases.KINDS[query["kind"]]
    return {"layouts": [{"name": l.name, "label": l.label, "columns": l.columns} for l in kind.layouts.values()],
            "fields_": kind.fields}


@blp.get("/imports", "customers:view", response=ImportOut(many=True))
def recent_imports():
    session = request_session()
    rows = session.execute(text(f"SELECT {_COLUMNS} FROM imports WHERE account_id = :account "
                                "ORDER BY created_at DESC LIMIT 20"), {"account": session.info["account_id"]})
    return [_progress(row) for row in rows]


@blp.post("/imports", "settings:edit", body=ImportUpload, body_in="multipart", response=ImportCreatedOut, status=201)
def upload_import(form):
    upload = form["file"]
    manual = json.loads(form["mapping"]) if form.get("mapping") else None
    command = UploadImport(kind=form["kind"], filename=upload.filename or "export.csv", data=upload.read(),
                           layout=form["layout"], manual=manual)
    import_id, dry_run = cases.create_import(request_session(), command, by=actor(), now=now())
    return {"import_": _import(import_id), "dry_run": dry_run}


@blp.get("/imports/<uuid:import_id>", "customers:view", response=ImportOut)
def read_import(import_id):
    return _import(import_id)


@blp.post("/imports/<uuid:import_id>/start", "settings:edit", response=ImportOut, status=202)
def start_import(import_id):
    found = _import(import_id)
    if not cases.start(request_session(), import_id, now()):
        raise Conflict(f"The import is {found['status']}: only a dry-run import is started.")
    return _import(import_id)


@blp.post("/imports/<uuid:import_id>/retry", "settings:edit", response=ImportOut, status=202)
def retry_import(import_id):
    found = _import(import_id)
    if not cases.retry(request_session(), import_id, now()):
        raise Conflict(f"The import is {found['status']}: only a failed import is tried again.")
    return _import(import_id)


@blp.get("/imports/<uuid:import_id>/rows", "customers:view", query=ImportRowArgs, response=ImportRowPage)
def import_rows(query, import_id):
    _import(import_id)
    items, next_after = queries.import_rows_page(request_session(), import_id, after=query["after"],
                                                 outcome=query["outcome"], limit=query["limit"])
    return {"items": items, "next_after": next_after}


@blp.get("/customers/<uuid:customer_id>/archived", "customers:view", response=ArchivedOut)
def archived_fields(customer_id):
    session = request_session()
    get_customer(session, customer_id)
    rows = session.execute(text(
        "SELECT id, source, import_id, imported_at, fields FROM customer_archived_fields "
        "WHERE account_id = :account AND customer_id = :customer ORDER BY imported_at DESC, id"),
        {"account": session.info["account_id"], "customer": customer_id})
    return {"items": [{**dict(r._mapping), "fields_": [{"name": k, "value": v} for k, v in r.fields]}
                      for r in rows]}
