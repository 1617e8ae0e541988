"""Rows of a past system's job and invoice history: each names a customer already here (imported from the same
system, or found by number, email or phone) and is announced as `history.imported`, for jobs and billing to keep
the past job and invoice. The columns mapped to nothing are kept on the customer's Archived data, as a customer
import keeps them."""
from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis import wire_json
from customers.adapters import import_store as store
from customers.domain import import_history as history
from customers.domain.import_history import HistoryRow
from customers.domain.import_rows import Skipped
from customers.service_layer import publishing
from customers.service_layer.import_kinds import Decision, ImportKind


def _customer_of(row: HistoryRow, layout: str, found: dict[str, dict]) -> tuple[uuid.UUID, str] | None:
    """The customer a row names, and by what, trying the other system's id first."""
    candidates = [*(("previous import", key, found["key"]) for key in row.customer_keys(layout)),
                  ("number", row.customer_number, found["number"]),
                  ("email", row.customer_email, found["email"]),
                  ("phone", row.customer_phone, found["phone"])]
    return next(((table[value], by) for by, value, table in candidates if value and value in table), None)


def _naming(row: HistoryRow) -> str:
    if row.customer_source_id:
        return f"customer id {row.customer_source_id}"
    return next(f"{what} {value}" for what, value in (("number", row.customer_number), ("email", row.customer_email),
                                                       ("phone", row.customer_phone)) if value)


def decide(session: Session, account_id: uuid.UUID, rows: list[HistoryRow | Skipped], layout: str) -> list[Decision]:
    """Each row: created (announced now), matched (an earlier import or an earlier row of this batch has it; nothing
    is sent again) or skipped, with the reason, when it is unreadable or names no customer here."""
    read = [r for r in rows if isinstance(r, HistoryRow)]
    found = {"key": store.known_keys(session, account_id, [k for r in read for k in r.customer_keys(layout)]),
             "number": store.customers_by_number(session, account_id, [r.customer_number for r in read
                                                                        if r.customer_number]),
             "email": store.customers_by_email(session, account_id, [r.customer_email for r in read
                                                                      if r.customer_email]),
             "phone": store.customers_by_phone(session, account_id, [r.customer_phone for r in read
                                                                      if r.customer_phone])}
    current = store.current_customers(session, account_id, [c for table in found.values() for c in table.values()])
    imported = store.known_keys(session, account_id, [r.key(layout) for r in read])
    decisions, first_with_key = [], {}
    for row in rows:
        if isinstance(row, Skipped):
            decisions.append(Decision(row, "skipped", reason=row.reason))
            continue
        key = row.key(layout)
        customer = _customer_of(row, layout, found)
        if customer is None or customer[0] not in current:
            decisions.append(Decision(row, "skipped", reason=f"No customer here with {_naming(row)}: import the "
                                                             "customers first, then their history."))
        elif key in imported:
            decisions.append(Decision(row, "matched", imported[key], "previous import",
                                      reason="Imported before: nothing was sent again."))
        elif key in first_with_key:
            decisions.append(Decision(row, "matched", current[customer[0]], "earlier row",
                                      reason=f"The same job or invoice as row {first_with_key[key]}.",
                                      earlier=first_with_key[key]))
        else:
            first_with_key[key] = row.row_number
            decisions.append(Decision(row, "created", current[customer[0]], customer[1]))
    return decisions


def preview_of(row: HistoryRow) -> dict:
    return {"row_number": row.row_number, "customer": _naming(row),
            "job": dataclasses.asdict(row.job) if row.job else None,
            "invoice": dataclasses.asdict(row.invoice) if row.invoice else None, "archived": row.archived}


def store_batch(session: Session, account_id: uuid.UUID, import_id: uuid.UUID, decisions: list[Decision], *,
                layout: str, source: str, by: str, now: dt.datetime) -> None:
    """Announces each new row's past job and invoice, and keeps its key so a second import sends nothing again."""
    announced = []
    for decision in decisions:
        if decision.outcome != "created":
            continue
        row = decision.row
        job_id, invoice_id = history.record_ids(account_id, row.key(layout))
        announced.append(publishing.history_imported(import_id, row, decision.customer_id, source, job_id,
                                                     invoice_id))
    store.announce(session, account_id, announced)
    created = [d for d in decisions if d.outcome == "created"]
    keys = {d.row.key(layout): d.customer_id for d in created}
    archived = [{"customer_id": d.customer_id, "source": d.row.archived_as(source), "imported_at": now,
                 "fields": wire_json.dumps(list(d.row.archived.items())).decode()} for d in created if d.row.archived]
    store.record_rows(session, account_id, import_id, decisions, keys, archived)


HISTORY = ImportKind(
    name="history", what="job and invoice history export", layouts=history.LAYOUTS, fields=history.FIELDS,
    required_missing=history.required_missing, mapping_problems=history.mapping_problems,
    map_row=history.map_history_row, decide=decide, preview=preview_of, store_batch=store_batch)
