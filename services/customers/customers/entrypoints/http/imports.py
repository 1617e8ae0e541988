"""Routes of imports from another system, and of the archived data they keep per customer."""
from __future__ import annotations

import json
import uuid

from flask.views import MethodView
from sqlalchemy import text

from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.errors import Conflict, NotFound
from chassis.request_context import actor, now
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


@blp.route("/imports/layouts")
class Layouts(MethodView):
    @require("customers:view")
    @blp.arguments(LayoutArgs, location="query")
    @blp.response(200, LayoutsOut)
    def get(self, args):
        kind = cases.KINDS[args["kind"]]
        return {"layouts": [{"name": l.name, "label": l.label, "columns": l.columns} for l in kind.layouts.values()],
                "fields_": kind.fields}


@blp.route("/imports")
class Imports(MethodView):
    @require("customers:view")
    @blp.response(200, ImportOut(many=True))
    def get(self):
        session = request_session()
        rows = session.execute(text(f"SELECT {_COLUMNS} FROM imports WHERE account_id = :account "
                                    "ORDER BY created_at DESC LIMIT 20"), {"account": session.info["account_id"]})
        return [_progress(row) for row in rows]

    @require("settings:edit")
    @blp.arguments(ImportUpload, location="multipart")
    @blp.response(201, ImportCreatedOut)
    def post(self, form):
        upload = form["file"]
        manual = json.loads(form["mapping"]) if form.get("mapping") else None
        command = UploadImport(kind=form["kind"], filename=upload.filename or "export.csv", data=upload.read(),
                               layout=form["layout"], manual=manual)
        import_id, dry_run = cases.create_import(request_session(), command, by=actor(), now=now())
        return {"import_": _import(import_id), "dry_run": dry_run}


@blp.route("/imports/<uuid:import_id>")
class ImportById(MethodView):
    @require("customers:view")
    @blp.response(200, ImportOut)
    def get(self, import_id):
        return _import(import_id)


@blp.route("/imports/<uuid:import_id>/start")
class StartImport(MethodView):
    @require("settings:edit")
    @blp.response(202, ImportOut)
    def post(self, import_id):
        found = _import(import_id)
        if not cases.start(request_session(), import_id, now()):
            raise Conflict(f"The import is {found['status']}: only a dry-run import is started.")
        return _import(import_id)


@blp.route("/imports/<uuid:import_id>/retry")
class RetryImport(MethodView):
    @require("settings:edit")
    @blp.response(202, ImportOut)
    def post(self, import_id):
        found = _import(import_id)
        if not cases.retry(request_session(), import_id, now()):
            raise Conflict(f"The import is {found['status']}: only a failed import is tried again.")
        return _import(import_id)


@blp.route("/imports/<uuid:import_id>/rows")
class ImportRows(MethodView):
    @require("customers:view")
    @blp.arguments(ImportRowArgs, location="query")
    @blp.response(200, ImportRowPage)
    def get(self, args, import_id):
        _import(import_id)
        rows = request_session().execute(text(
            "SELECT row_number, outcome, customer_id, matched_by, reason FROM import_rows "
            "WHERE import_id = :id AND row_number > :after AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome) "
            "ORDER BY row_number LIMIT :limit"),
            {"id": import_id, "after": args["after"], "outcome": args["outcome"], "limit": args["limit"] + 1}).all()
        items = [dict(r._mapping) for r in rows[:args["limit"]]]
        return {"items": items, "next_after": items[-1]["row_number"] if len(rows) > args["limit"] else None}


@blp.route("/customers/<uuid:customer_id>/archived")
class Archived(MethodView):
    @require("customers:view")
    @blp.response(200, ArchivedOut)
    def get(self, customer_id):
        session = request_session()
        get_customer(session, customer_id)
        rows = session.execute(text(
            "SELECT id, source, import_id, imported_at, fields FROM customer_archived_fields "
            "WHERE account_id = :account AND customer_id = :customer ORDER BY imported_at DESC, id"),
            {"account": session.info["account_id"], "customer": customer_id})
        return {"items": [{**dict(r._mapping), "fields_": [{"name": k, "value": v} for k, v in r.fields]}
                          for r in rows]}
