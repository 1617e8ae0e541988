"""Importing from another system, customers or their past jobs and invoices: the file checked whole, a dry run,
then batches each committed with the position reached, so an import stopped anywhere resumes where it stopped and
a row is never imported twice."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text
from sqlalchemy.orm import Session

from chassis.db import Database
from chassis.errors import Conflict, NotFound, ValidationFailed
from customers.domain import import_layouts as layouts
from customers.domain.import_rows import BadFile, Sheet, Skipped, read_csv
from customers.service_layer.commands import UploadImport
from customers.service_layer.import_customers import CUSTOMERS
from customers.service_layer.import_history import HISTORY
from customers.service_layer.import_kinds import ImportKind

BATCH = 1000
ATTEMPTS = 3  # a batch failing this many times stops its import ("failed") until someone asks for a retry
DRY_RUN_ROWS = 1000  # what the dry run reports on, row by row; the import itself reports every row
PREVIEW_ROWS = 10
KINDS = {kind.name: kind for kind in (CUSTOMERS, HISTORY)}


def checked_file(kind: ImportKind, data: bytes, layout: str, manual: dict | None) -> tuple[Sheet, dict[str, str]]:
    """The file's rows and our field → its column, or ValidationFailed (422) saying what is wrong with it."""
    if layout != layouts.MANUAL and layout not in kind.layouts:
        raise ValidationFailed({"layout": [f"Not a layout: choose from {', '.join([*kind.layouts, 'manual'])}."]})
    try:
        sheet = read_csv(data)
    except BadFile as exc:
        raise ValidationFailed(exc.problems) from None
    missing = kind.required_missing(layout, sheet.headers)
    if missing:
        raise ValidationFailed({"file": [f"The file has no column {', '.join(repr(m) for m in missing)}: it is not "
                                         f"a {kind.layouts[layout].label} {kind.what}."]})
    mapping = layouts.mapping_for(layout, sheet.headers, manual, kind.layouts)
    problems = kind.mapping_problems(mapping, sheet.headers)
    if problems:
        raise ValidationFailed({f"mapping.{field}": messages for field, messages in problems.items()})
    return sheet, mapping


def _mapped(kind: ImportKind, sheet: Sheet, mapping: dict, start: int, stop: int) -> list:
    return [kind.map_row(i + 1, sheet.rows[i], sheet.headers, mapping)
            for i in range(start, min(stop, len(sheet.rows)))]


def create_import(session: Session, command: UploadImport, *, by: str, now: dt.datetime) -> tuple[uuid.UUID, dict]:
    """Stores the checked file, ready to start, and answers its dry run: the first rows as they will be stored and
    what becomes of each of the first DRY_RUN_ROWS."""
    kind, filename, data, layout = command.kind, command.file.filename, command.file.data, command.layout
    of_kind = KINDS[kind]
    sheet, mapping = checked_file(of_kind, data, layout, command.manual)
    rows = _mapped(of_kind, sheet, mapping, 0, DRY_RUN_ROWS)
    decisions = of_kind.decide(session, session.info["account_id"], rows, layout)
    import_id = uuid.uuid4()
    session.execute(text(
        "INSERT INTO imports (id, account_id, kind, layout, mapping, filename, content, status, total_rows, "
        "created_by, created_at) VALUES (:id, :account, :kind, :layout, CAST(:mapping AS jsonb), :filename, "
        ":content, 'ready', :total, :by, :now)"),
        {"id": import_id, "account": session.info["account_id"], "kind": kind, "layout": layout,
         "mapping": json.dumps(mapping), "filename": filename[:200], "content": data.decode("utf-8-sig"),
         "total": len(sheet.rows), "by": by, "now": now})
    counts = {o: sum(1 for d in decisions if d.outcome == o) for o in ("created", "matched", "skipped")}
    return import_id, {"rows_checked": len(decisions), "would_create": counts["created"],
                       "would_match": counts["matched"], "would_skip": counts["skipped"], "mapping": mapping,
                       f"{'' if kind == 'customers' else 'history_'}preview":
                           [of_kind.preview(r) for r in rows if not isinstance(r, Skipped)][:PREVIEW_ROWS],
                       "report": [d.report() for d in decisions]}


def start(session: Session, import_id: uuid.UUID, *, now: dt.datetime) -> None:
    """Queues the import for the importer; Conflict when it is not ready (started already, or done)."""
    queued = session.execute(text("UPDATE imports SET status = 'running', started_at = :now, updated_at = :now "
                                  "WHERE id = :id AND account_id = :account AND status = 'ready'"),
                             {"id": import_id, "now": now, "account": session.info["account_id"]}).rowcount == 1
    if not queued:
        raise _refused(session, import_id, "only a dry-run import is started.")


def _label(layout: str) -> str:
    return layouts.LAYOUTS[layout].label if layout in layouts.LAYOUTS else "CSV import"


class MappedAhead:
    """The rows of a batch, mapped in a thread while the batch before them is stored: mapping is Python work and
    storing mostly waits on PostgreSQL, so on two cores the two overlap. A batch not asked for ahead is mapped
    when it is needed."""

    def __init__(self, sheet: Sheet, executor: ThreadPoolExecutor | None = None):
        self.sheet, self._executor, self._ahead = sheet, executor, {}

    def rows(self, kind: ImportKind, mapping: dict, start: int) -> list:
        ahead = self._ahead.pop((kind.name, start), None)
        rows = ahead.result() if ahead else _mapped(kind, self.sheet, mapping, start, start + BATCH)
        following = start + BATCH
        if self._executor and following < len(self.sheet.rows):
            self._ahead[(kind.name, following)] = self._executor.submit(
                _mapped, kind, self.sheet, mapping, following, following + BATCH)
        return rows


def run_batch(session: Session, import_id: uuid.UUID, sheet: Sheet | MappedAhead, *, now: dt.datetime) -> bool:
    """Imports the next batch of rows and moves the position past them, in the caller's transaction; False once
    nothing is left. The import's row is locked first, so two importers never take the same batch."""
    rows_of = sheet if isinstance(sheet, MappedAhead) else MappedAhead(sheet)
    found = session.execute(text("SELECT position, kind, layout, mapping, created_by, account_id FROM imports "
                                 "WHERE id = :id AND status = 'running' FOR UPDATE"), {"id": import_id}).first()
    if found is None:
        return False
    position, kind, layout, mapping, by, account_id = found
    of_kind = KINDS[kind]
    rows = rows_of.rows(of_kind, mapping, position)
    decisions = of_kind.decide(session, account_id, rows, layout)
    of_kind.store_batch(session, account_id, import_id, decisions, layout=layout, source=_label(layout), by=by,
                        now=now)
    count = {o: sum(1 for d in decisions if d.outcome == o) for o in ("created", "matched", "skipped")}
    done = position + len(rows) >= len(rows_of.sheet.rows)
    session.execute(text(
        "UPDATE imports SET position = :position, rows_created = rows_created + :created, "
        "rows_matched = rows_matched + :matched, rows_failed = rows_failed + :skipped, updated_at = :now, "
        "attempts = 0, error = NULL, "
        "status = CASE WHEN :done THEN 'done' ELSE status END, finished_at = CASE WHEN :done THEN :now END "
        "WHERE id = :id"),
        {"position": position + len(rows), "created": count["created"], "matched": count["matched"],
         "skipped": count["skipped"], "now": now, "done": done, "id": import_id})
    return not done


def pending(database: Database) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(import id, account id) of every import queued or left unfinished (an importer stopped half way), oldest
    started first."""
    with database.transaction(unscoped=True) as session:
        return [tuple(row) for row in session.execute(text(
            "SELECT id, account_id FROM imports WHERE status = 'running' ORDER BY started_at"))]


@contextlib.contextmanager
def stored_rows(database: Database, import_id: uuid.UUID, account_id: uuid.UUID) -> Iterator[MappedAhead]:
    """The import's file, read once for the batches left of it, each mapped while the one before is stored."""
    with database.transaction(account_id=account_id) as session:
        content = session.execute(text("SELECT content FROM imports WHERE id = :id"), {"id": import_id}).scalar_one()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-rows") as executor:
        yield MappedAhead(read_csv(content.encode()), executor)


def record_failure(database: Database, import_id: uuid.UUID, account_id: uuid.UUID, kind: str, *,
                   now: dt.datetime) -> None:
    """A batch failed and rolled back whole: the import counts the attempt and keeps only the kind of error; after
    ATTEMPTS it stops ("failed") until someone asks for a retry."""
    with database.transaction(account_id=account_id) as session:
        session.execute(text(
            "UPDATE imports SET attempts = attempts + 1, updated_at = :now, "
            "error = 'Rows ' || (position + 1) || '–' || least(position + :batch, total_rows) || "
            "' could not be stored (' || :kind || '); the rows before them are imported.', "
            "status = CASE WHEN attempts + 1 >= :attempts THEN 'failed' ELSE status END WHERE id = :id"),
            {"now": now, "batch": BATCH, "kind": kind[:60], "attempts": ATTEMPTS, "id": import_id})


def retry(session: Session, import_id: uuid.UUID, *, now: dt.datetime) -> None:
    """Queues a failed import again from the batch that failed; Conflict when it had not failed."""
    queued = session.execute(text("UPDATE imports SET status = 'running', attempts = 0, updated_at = :now "
                                  "WHERE id = :id AND account_id = :account AND status = 'failed'"),
                             {"id": import_id, "now": now, "account": session.info["account_id"]}).rowcount == 1
    if not queued:
        raise _refused(session, import_id, "only a failed import is tried again.")


def _refused(session: Session, import_id: uuid.UUID, rule: str) -> NotFound | Conflict:
    """Why an import was not queued: the account has no such import, or its status is not the one ``rule`` wants."""
    status = session.execute(text("SELECT status FROM imports WHERE id = :id AND account_id = :account"),
                             {"id": import_id, "account": session.info["account_id"]}).scalar()
    return NotFound("No such import.") if status is None else Conflict(f"The import is {status}: {rule}")
