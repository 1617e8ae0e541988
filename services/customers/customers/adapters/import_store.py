"""The bulk writes and lookups of an import: a batch of rows in a few statements, whatever its size."""
from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from types import SimpleNamespace

from fieldwork_contracts import EventData
from sqlalchemy import text
from sqlalchemy.orm import Session

from chassis import wire_json
from fieldwork_contracts.checking import validate_event
from chassis.db import part_store
from chassis.db.schema import outbox
from chassis.messaging.outbox import enveloped
from customers.adapters.orm import Contact, ContactEmail, ContactPhone, Customer, Property, StatusChangeRow, Tag
from customers.domain import lifecycle
from customers.domain.import_rows import Mapped
from customers.domain.snapshot import customer_snapshot

_NUMBERS = text(
    "INSERT INTO account_sequences (account_id, name, last_value) VALUES (:account, 'customer', 1000 + :n) "
    "ON CONFLICT (account_id, name) DO UPDATE SET last_value = account_sequences.last_value + :n "
    "RETURNING last_value")


# Each lookup walks the values a batch asks for and probes an index per value: a batch asks for thousands, and with
# `= ANY(:values)` the planner would rather read every row of the account and filter, a cost growing with the
# account (and with the import itself, batch after batch) instead of with the batch.
_WANTED = "unnest(CAST(:values AS text[])) AS wanted(value)"


def known_keys(session: Session, account_id: uuid.UUID, keys: list[str]) -> dict[str, uuid.UUID]:
    rows = session.execute(text(f"SELECT k.source_key, k.customer_id FROM {_WANTED} JOIN import_keys k "
                                "ON k.account_id = :account AND k.source_key = wanted.value"),
                           {"account": account_id, "values": keys})
    return dict(rows.all())


def _first_customer_holding(table: str, column: str) -> str:
    """Per value wanted, the oldest unmerged customer whose contact holds it in ``table.column``."""
    return (f"SELECT DISTINCT ON (wanted.value) wanted.value, c.customer_id FROM {_WANTED} "
            f"JOIN {table} held ON held.account_id = :account AND held.{column} = wanted.value "
            "JOIN contacts c ON c.id = held.contact_id JOIN customers cu ON cu.id = c.customer_id "
            "WHERE cu.merged_into IS NULL ORDER BY wanted.value, cu.created_at")


_BY_PHONE = text(_first_customer_holding("contact_phones", "e164"))
_BY_EMAIL = text(_first_customer_holding("contact_emails", "address_lower"))


def customers_by_phone(session: Session, account_id: uuid.UUID, e164s: list[str]) -> dict[str, uuid.UUID]:
    return dict(session.execute(_BY_PHONE, {"account": account_id, "values": e164s}).all())


def customers_by_email(session: Session, account_id: uuid.UUID, emails: list[str]) -> dict[str, uuid.UUID]:
    return dict(session.execute(_BY_EMAIL, {"account": account_id, "values": emails}).all())


def customers_by_number(session: Session, account_id: uuid.UUID, numbers: list[str]) -> dict[str, uuid.UUID]:
    rows = session.execute(text(f"SELECT cu.number, cu.id FROM {_WANTED} JOIN customers cu "
                                "ON cu.account_id = :account AND cu.number = wanted.value "
                                "WHERE cu.merged_into IS NULL"),
                           {"account": account_id, "values": numbers})
    return dict(rows.all())


def _copy(session: Session, table: str, rows: list[dict]) -> None:
    """Rows into ``table`` by COPY: a batch costs one round trip per table (triggers fire as for INSERT)."""
    if not rows:
        return
    columns = list(rows[0])
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def _numbers(session: Session, account_id: uuid.UUID, n: int) -> list[str]:
    last = session.execute(_NUMBERS, {"account": account_id, "n": n}).scalar_one()
    return [f"C-{value}" for value in range(last - n + 1, last + 1)]


def _drawn(count: int) -> Iterator[uuid.UUID]:
    """``count`` random (version 4) ids from one read of the system's randomness, not one read each."""
    raw = os.urandom(16 * count)
    return (uuid.UUID(bytes=raw[i:i + 16], version=4) for i in range(0, 16 * count, 16))


def create_customers(session: Session, account_id: uuid.UUID, rows: list[Mapped], *, by: str, at: dt.datetime,
                     source: str) -> tuple[list[uuid.UUID], list[dict]]:
    """Stores ``rows`` as new customers, each with its contact, property and tags; their ids and snapshots. The
    rows nobody names here (emails, phones, tags, the status change) get their ids from the database."""
    if not rows:
        return [], []
    numbers = _numbers(session, account_id, len(rows))
    ids = _drawn(3 * len(rows))  # a customer, its contact and its property at most
    customers, contacts, emails, phones, properties, tags, statuses, snapshots = [], [], [], [], [], [], [], []
    for row, number in zip(rows, numbers):
        customer_id = next(ids)
        customers.append({"id": customer_id, "account_id": account_id, "number": number,
                          "display_name": row.display_name, "company": row.company, "kind": row.kind,
                          "status": lifecycle.INITIAL_STATUS, "lead_source": row.lead_source or source,
                          "do_not_service": False, "created_by": by, "created_at": at, "revision": 1})
        statuses.append({"account_id": account_id, "customer_id": customer_id,
                         "from_status": None, "to_status": lifecycle.INITIAL_STATUS, "automatic": False,
                         "changed_by": by, "changed_at": at, "cause": f"imported from {source}"})
        contact = SimpleNamespace(is_primary=True, emails=[], phones=[])
        if row.emails or row.phones:
            contact_id = next(ids)
            contacts.append({"id": contact_id, "account_id": account_id, "customer_id": customer_id,
                             "name": row.display_name, "is_primary": True, "created_at": at})
            for position, address in enumerate(row.emails):
                emails.append({"account_id": account_id, "contact_id": contact_id,
                               "position": position, "address": address})
                contact.emails.append(SimpleNamespace(address=address))
            for position, (entered, e164, extension) in enumerate(row.phones):
                phones.append({"account_id": account_id, "contact_id": contact_id,
                               "position": position, "entered": entered, "e164": e164, "extension": extension,
                               "label": None})
                contact.phones.append(SimpleNamespace(e164=e164))
        kept_properties = []
        if row.address:
            prop = {"id": next(ids), "account_id": account_id, "customer_id": customer_id, "is_primary": True,
                    "kind": row.kind, **{k: row.address.get(k) for k in
                                         ("line1", "line2", "city", "region", "postal_code", "country")},
                    "geocode_status": "not_geocoded", "created_at": at}
            properties.append(prop)
            kept_properties.append(SimpleNamespace(**prop))
        for name in dict.fromkeys(t.lower() for t in row.tags):
            tags.append({"account_id": account_id, "customer_id": customer_id,
                         "name": next(t for t in row.tags if t.lower() == name)})
        snapshots.append(customer_snapshot(SimpleNamespace(
            id=customer_id, number=number, display_name=row.display_name, company=row.company, kind=row.kind,
            status=lifecycle.INITIAL_STATUS, lead_source=row.lead_source or source, do_not_service=False,
            do_not_service_reason=None, archived_at=None, merged_into=None,
            contacts=[contact] if contact.emails or contact.phones else [], properties=kept_properties)))
    created = [c["id"] for c in customers]
    with part_store.marked_by_writer(session, lambda: created):  # every row here is one of theirs
        for model, values in ((Customer, customers), (StatusChangeRow, statuses), (Contact, contacts),
                              (ContactEmail, emails), (ContactPhone, phones), (Property, properties), (Tag, tags)):
            _copy(session, model.__tablename__, values)
    return created, snapshots


def announce(session: Session, account_id: uuid.UUID, events: list[EventData]) -> None:
    """The events into the outbox in one statement, as the same change made by hand announces each.

    The first of a batch is checked against the contract: the others are built by the same code from rows mapped
    the same way, and checking each would cost more than storing it."""
    values = []
    for typed in events:
        event = enveloped(session, typed, account_id=account_id)
        envelope = event.envelope()
        if not values:
            validate_event(envelope)
        values.append({"event_id": event.id, "event_type": event.type, "account_id": account_id,
                       "envelope": wire_json.dumps(envelope).decode()})
    _copy(session, outbox.name, values)


def current_customers(session: Session, account_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """Each of ``ids`` that is a customer here → the customer it is now (the one it was merged into, if it was)."""
    rows = session.execute(text(
        "SELECT c.id, coalesce(target.id, c.id) FROM customers c "
        "LEFT JOIN customers target ON target.id = c.merged_into AND target.account_id = c.account_id "
        "WHERE c.account_id = :account AND c.id = ANY(:ids)"), {"account": account_id, "ids": list(set(ids))})
    return dict(rows.all())


def record_rows(session: Session, account_id: uuid.UUID, import_id: uuid.UUID, decisions: list,
                keys: dict[str, uuid.UUID], archived: list[dict]) -> None:
    """The per-row report, the natural keys now imported, and the columns kept as archived data."""
    _copy(session, "import_rows", [{"import_id": import_id, "account_id": account_id, **d.report()}
                                   for d in decisions])
    if keys:  # a key an earlier import holds already stays with its customer
        session.execute(text(
            "INSERT INTO import_keys (account_id, source_key, customer_id) "
            "SELECT :account_id, k, c FROM unnest(CAST(:keys AS text[]), CAST(:customers AS uuid[])) AS u(k, c) "
            "ON CONFLICT DO NOTHING"),
            {"account_id": account_id, "keys": list(keys), "customers": list(keys.values())})
    _copy(session, "customer_archived_fields",
          [{"account_id": account_id, "import_id": import_id, **a} for a in archived])
