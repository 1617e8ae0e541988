"""Rows of a customer export: matched to a customer already here or created, with their contacts and properties;
the columns mapped to nothing are kept as the customer's archived data."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis import wire_json
from customers.adapters import import_store as store
from customers.domain import import_layouts as layouts
from customers.domain.import_rows import Mapped, Skipped, map_row
from customers.service_layer import publishing
from customers.service_layer.import_kinds import Decision, ImportKind


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


def store_batch(session: Session, account_id: uuid.UUID, import_id: uuid.UUID, decisions: list[Decision], *,
                layout: str, source: str, by: str, now: dt.datetime) -> None:
    """Creates the customers of the rows decided "created", announces them, and keeps each imported row's keys
    and archived columns."""
    created = [d for d in decisions if d.outcome == "created"]
    ids, snapshots = store.create_customers(session, account_id, [d.row for d in created], by=by, at=now,
                                            source=source)
    for decision, customer_id in zip(created, ids):
        decision.customer_id = customer_id
    customer_of_row = {d.row.row_number: d.customer_id for d in created}
    for decision in decisions:
        if decision.earlier is not None:
            decision.customer_id = customer_of_row[decision.earlier]
    store.announce(session, account_id, [publishing.customer_created(s, 1) for s in snapshots])
    keys = {k: d.customer_id for d in decisions if d.outcome != "skipped" for k in d.row.keys(layout)}
    archived = [{"customer_id": d.customer_id, "source": source, "imported_at": now,
                 "fields": wire_json.dumps(list(d.row.archived.items())).decode()}
                for d in decisions if d.outcome != "skipped" and d.matched_by != "previous import" and d.row.archived]
    store.record_rows(session, account_id, import_id, decisions, keys, archived)


CUSTOMERS = ImportKind(
    name="customers", what="customer export", layouts=layouts.LAYOUTS, fields=layouts.FIELDS,
    required_missing=layouts.required_missing, mapping_problems=layouts.mapping_problems, map_row=map_row,
    decide=decide, preview=preview_of, store_batch=store_batch)
