"""Importing customers from another system: the file checked whole, a dry run, then batches each committed with
the position reached, so an import stopped anywhere resumes where it stopped and a row is never imported twice."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from chassis.db import Database
from chassis.errors import ValidationFailed
from customers.adapters import import_store as store
from customers.domain import import_layouts as layouts
from customers.domain.import_rows import BadFile, Mapped, Sheet, Skipped, map_row, read_csv

BATCH = 1000
DRY_RUN_ROWS = 1000  # what the dry run reports on, row by row; the import itself reports every row
PREVIEW_ROWS = 10


def checked_file(data: bytes, layout: str, manual: dict | None) -> tuple[Sheet, dict[str, str]]:
    """The file's rows and our field → its column, or ValidationFailed (422) saying what is wrong with it."""
    if layout != layouts.MANUAL and layout not in layouts.LAYOUTS:
        raise ValidationFailed({"layout": [f"Not a layout: choose from {', '.join([*layouts.LAYOUTS, 'manual'])}."]})
    try:
        sheet = read_csv(data)
    except BadFile as exc:
        raise ValidationFailed(exc.problems) from None
    missing = layouts.required_missing(layout, sheet.headers)
    if missing:
        raise ValidationFailed({"file": [f"The file has no column {', '.join(repr(m) for m in missing)}: it is not "
                                         f"a {layouts.LAYOUTS[layout].label} customer export."]})
    mapping = layouts.mapping_for(layout, sheet.headers, manual)
    problems = layouts.mapping_problems(mapping, sheet.headers)
    if problems:
        raise ValidationFailed({f"mapping.{field}": messages for field, messages in problems.items()})
    return sheet, mapping


@dataclass
class Decision:
    row: Mapped | Skipped
    outcome: str                     # created, matched, skipped
    customer_id: uuid.UUID | None = None
    matched_by: str | None = None    # previous import, number, phone, email, earlier row
    reason: str | None = None
    earlier: int | None = None      # the row of this batch whose customer a "matched by earlier row" row is


def decide(session: Session, account_id: uuid.UUID, rows: list[Mapped | Skipped], system: str) -> list[Decision]:
    """What becomes of each row: created, matched to a customer already here (by the key of an earlier import, our
    number, a phone or an email, in that order), or skipped with its reason. A row whose key an earlier row of the
    same batch has is matched to that row's customer."""
    mapped = [r for r in rows if isinstance(r, Mapped)]
    by_key = store.known_keys(session, account_id, [k for r in mapped for k in r.keys(system)])
    by_number = store.customers_by_number(session, account_id, [r.number for r in mapped if r.number])
    by_phone = store.customers_by_phone(session, account_id, [p[1] for r in mapped for p in r.phones])
    by_email = store.customers_by_email(session, account_id, [e for r in mapped for e in r.emails])
    decisions, first_with_key = [], {}
    for row in rows:
        if isinstance(row, Skipped):
            decisions.append(Decision(row, "skipped", reason=row.reason))
            continue
        keys = row.keys(system)
        found = next(((by_key[k], "previous import") for k in keys if k in by_key), None)
        found = found or ((by_number[row.number], "number") if row.number in by_number else None)
        found = found or next(((by_phone[p[1]], "phone") for p in row.phones if p[1] in by_phone), None)
        found = found or next(((by_email[e], "email") for e in row.emails if e in by_email), None)
        earlier = next((first_with_key[k] for k in keys if k in first_with_key), None)
        if found:
            decisions.append(Decision(row, "matched", found[0], found[1]))
        elif earlier is not None:
            decisions.append(Decision(row, "matched", matched_by="earlier row",
                                      reason=f"The same customer as row {earlier.row.row_number}.",
                                      earlier=earlier.row.row_number))
        else:
            decision = Decision(row, "created")
            decisions.append(decision)
            for key in keys:
                first_with_key.setdefault(key, decision)
    return decisions


def preview_of(row: Mapped) -> dict:
    return {"row_number": row.row_number, "display_name": row.display_name, "company": row.company, "kind": row.kind,
            "emails": row.emails, "phones": [p[0] for p in row.phones], "address": row.address,
            "tags": row.tags, "archived": row.archived}


def report_of(decision: Decision) -> dict:
    return {"row_number": decision.row.row_number, "outcome": decision.outcome, "customer_id": decision.customer_id,
            "matched_by": decision.matched_by, "reason": decision.reason}


def _mapped(sheet: Sheet, mapping: dict, start: int, stop: int) -> list[Mapped | Skipped]:
    return [map_row(i + 1, sheet.rows[i], sheet.headers, mapping) for i in range(start, min(stop, len(sheet.rows)))]


def create_import(session: Session, *, filename: str, data: bytes, layout: str, manual: dict | None, by: str,
                  now: dt.datetime) -> tuple[uuid.UUID, dict]:
    """Stores the checked file, ready to start, and answers its dry run: the first rows as they will be stored and
    what becomes of each of the first DRY_RUN_ROWS."""
    sheet, mapping = checked_file(data, layout, manual)
    rows = _mapped(sheet, mapping, 0, DRY_RUN_ROWS)
    decisions = decide(session, session.info["account_id"], rows, layout)
    import_id = uuid.uuid4()
    session.execute(text(
        "INSERT INTO imports (id, account_id, kind, layout, mapping, filename, content, status, total_rows, "
        "created_by, created_at) VALUES (:id, :account, 'customers', :layout, CAST(:mapping AS jsonb), :filename, "
        ":content, 'ready', :total, :by, :now)"),
        {"id": import_id, "account": session.info["account_id"], "layout": layout, "mapping": json.dumps(mapping),
         "filename": filename[:200], "content": data.decode("utf-8-sig"), "total": len(sheet.rows), "by": by,
         "now": now})
    counts = {o: sum(1 for d in decisions if d.outcome == o) for o in ("created", "matched", "skipped")}
    return import_id, {"rows_checked": len(decisions), "would_create": counts["created"],
                       "would_match": counts["matched"], "would_skip": counts["skipped"], "mapping": mapping,
                       "preview": [preview_of(r) for r in rows if isinstance(r, Mapped)][:PREVIEW_ROWS],
                       "report": [report_of(d) for d in decisions]}


def start(session: Session, import_id: uuid.UUID, now: dt.datetime) -> bool:
    """Queues the import for the importer; False when it was not ready (started already, or done)."""
    return session.execute(text("UPDATE imports SET status = 'running', started_at = :now, updated_at = :now "
                                "WHERE id = :id AND account_id = :account AND status = 'ready'"),
                           {"id": import_id, "now": now, "account": session.info["account_id"]}).rowcount == 1


def _label(layout: str) -> str:
    return layouts.LAYOUTS[layout].label if layout in layouts.LAYOUTS else "CSV import"


def run_batch(session: Session, import_id: uuid.UUID, sheet: Sheet, *, now: dt.datetime) -> bool:
    """Imports the next batch of rows and moves the position past them, in the caller's transaction; False once
    nothing is left. The import's row is locked first, so two importers never take the same batch."""
    found = session.execute(text("SELECT position, layout, mapping, created_by, account_id FROM imports "
                                 "WHERE id = :id AND status = 'running' FOR UPDATE"), {"id": import_id}).first()
    if found is None:
        return False
    position, layout, mapping, by, account_id = found
    rows = _mapped(sheet, mapping, position, position + BATCH)
    decisions = decide(session, account_id, rows, layout)
    created = [d for d in decisions if d.outcome == "created"]
    ids, snapshots = store.create_customers(session, account_id, [d.row for d in created], by=by, at=now,
                                            source=_label(layout))
    for decision, customer_id in zip(created, ids):
        decision.customer_id = customer_id
    for decision in decisions:
        if decision.earlier is not None:
            decision.customer_id = next(d.customer_id for d in created if d.row.row_number == decision.earlier)
    store.announce_created(session, account_id, snapshots)
    keys = {k: d.customer_id for d in decisions if d.outcome != "skipped" for k in d.row.keys(layout)}
    archived = [{"customer_id": d.customer_id, "source": _label(layout), "imported_at": now,
                 "fields": json.dumps(list(d.row.archived.items()))}
                for d in decisions if d.outcome != "skipped" and d.matched_by != "previous import" and d.row.archived]
    store.record_rows(session, account_id, import_id, [report_of(d) for d in decisions], keys, archived)
    count = {o: sum(1 for d in decisions if d.outcome == o) for o in ("created", "matched", "skipped")}
    done = position + len(rows) >= len(sheet.rows)
    session.execute(text(
        "UPDATE imports SET position = :position, rows_created = rows_created + :created, "
        "rows_matched = rows_matched + :matched, rows_failed = rows_failed + :skipped, updated_at = :now, "
        "status = CASE WHEN :done THEN 'done' ELSE status END, finished_at = CASE WHEN :done THEN :now END "
        "WHERE id = :id"),
        {"position": position + len(rows), "created": count["created"], "matched": count["matched"],
         "skipped": count["skipped"], "now": now, "done": done, "id": import_id})
    return not done


def run_import(database: Database, import_id: uuid.UUID, account_id: uuid.UUID, *, clock) -> None:
    """Every batch left of one import, each in its own transaction (the file is read once per run)."""
    with database.transaction(account_id=account_id) as session:
        content = session.execute(text("SELECT content FROM imports WHERE id = :id"), {"id": import_id}).scalar_one()
    sheet = read_csv(content.encode())
    more = True
    while more:
        with database.transaction(account_id=account_id) as session:
            more = run_batch(session, import_id, sheet, now=clock())


def run_pending(database: Database, *, clock) -> int:
    """Runs every import queued or left unfinished (an importer stopped half way); how many it ran."""
    with database.transaction(unscoped=True) as session:
        pending = session.execute(text("SELECT id, account_id FROM imports WHERE status = 'running' "
                                       "ORDER BY started_at")).all()
    for import_id, account_id in pending:
        run_import(database, import_id, account_id, clock=clock)
    return len(pending)
