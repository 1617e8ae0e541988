"""Reads: pages, list items and the profile, queried directly (no domain rules involved), all on indexes."""
from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace

from sqlalchemy import case, exists, or_, select, text
from sqlalchemy.orm import Session, selectinload

from chassis.errors import NotFound, field_error
from chassis.pagination import Page, decode_key, encode_cursor, keyset_page, page_of
from customers.adapters.orm import (Contact, Customer, Erasure, Membership, Merge, Note, PortalInvite, Relation,
                                    StatusChangeRow, Tag)
from customers.adapters.search import Filters, search_ids
from customers.domain.membership import ACTIVE
from customers.domain.search_terms import parse_query

# What a list item shows (a summary) when read through the ORM; a profile is read by load_profile below.
_SUMMARY = (selectinload(Customer.contacts).selectinload(Contact.emails),
            selectinload(Customer.contacts).selectinload(Contact.phones),
            selectinload(Customer.properties), selectinload(Customer.tags))


def customers_by_id(session: Session, ids: list[uuid.UUID]) -> dict:
    """List items (what `presenters.summary` reads) of the account's customers among ``ids``, in one statement."""
    return load_summaries(session, ids)


def list_customers(session: Session, filters: Filters, *, limit: int, cursor: str | None,
                   member: bool | None = None) -> Page:
    stmt = select(Customer).where(Customer.merged_into.is_(None)).options(*_SUMMARY)
    if member is not None:
        stmt = stmt.where(members_only() if member else ~members_only())
    if not filters.include_archived:
        stmt = stmt.where(Customer.archived_at.is_(None))
    if filters.status:
        stmt = stmt.where(Customer.status == filters.status)
    if filters.kind:
        stmt = stmt.where(Customer.kind == filters.kind)
    if filters.tag:
        stmt = stmt.where(exists().where(Tag.customer_id == Customer.id, Tag.name_lower == filters.tag.lower()))
    return keyset_page(session, stmt, [Customer.created_at, Customer.id], limit=limit, cursor=cursor,
                       key=lambda c: (c.created_at, c.id))


def members_only():
    """Customers enrolled in an active maintenance plan (memberships are kept from the plan events)."""
    return exists().where(Membership.customer_id == Customer.id, Membership.status == ACTIVE)


def members_among(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    return set(session.scalars(select(Membership.customer_id).where(Membership.customer_id.in_(ids),
                                                                   Membership.status == ACTIVE)))


def search_customers(session: Session, query: str, filters: Filters, *, limit: int, cursor: str | None,
                     member: bool | None = None) -> Page:
    """A page of the search's hits, best first; ``member`` keeps only members (True) or only the others (False), so
    such a page may come out shorter than ``limit``, and its cursor still goes on. A cursor of another search or
    list is a field error."""
    after = None
    if cursor:
        score, word, customer_id = decode_key(cursor, (int, float), str, uuid.UUID)
        try:
            after = (int(score), word, customer_id)
        except (OverflowError, ValueError):  # a score no search wrote (Infinity, NaN)
            raise field_error("cursor", "Not a valid cursor for this search.") from None
    hits, carry_on = search_ids(session, parse_query(query), filters, limit=limit, after=after)
    found = customers_by_id(session, [customer_id for customer_id, _ in hits])
    items = [found[customer_id] for customer_id, _ in hits]
    if member is not None:
        members = members_among(session, [c.id for c in items])
        items = [c for c in items if (c.id in members) == member]
    return Page(items, encode_cursor(list(carry_on)) if carry_on else None)


def notes_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(Note).where(Note.customer_id == customer_id)
    return keyset_page(session, stmt, [Note.pinned, Note.created_at, Note.id], limit=limit, cursor=cursor,
                       key=lambda n: (n.pinned, n.created_at, n.id))


# Notes and status changes, newest first; the keyset condition and the limit reach each branch,
# so a page reads a page's worth of each index (notes_timeline, status_changes_history).
_ACTIVITY = """
SELECT * FROM (
  SELECT id, 'note' AS kind, created_at AS occurred_at, body, pinned, NULL AS from_status, NULL AS to_status,
         NULL::boolean AS automatic, NULL AS cause
    FROM notes WHERE account_id = :account AND customer_id = :customer
  UNION ALL
  SELECT id, 'status', changed_at, NULL, NULL, from_status, to_status, automatic, cause
    FROM status_changes WHERE account_id = :account AND customer_id = :customer
) items
WHERE CAST(:after_at AS timestamptz) IS NULL
   OR (occurred_at, id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid))
ORDER BY occurred_at DESC, id DESC LIMIT :limit
"""


def activity_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    after_at, after_id = decode_key(cursor, dt.datetime, uuid.UUID) if cursor else (None, None)
    rows = list(session.execute(text(_ACTIVITY), {
        "account": session.info["account_id"], "customer": customer_id, "after_at": after_at, "after_id": after_id,
        "limit": limit + 1}))
    return page_of(rows, limit, key=lambda row: (row.occurred_at, row.id))


def status_history(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(StatusChangeRow).where(StatusChangeRow.customer_id == customer_id)
    return keyset_page(session, stmt, [StatusChangeRow.changed_at, StatusChangeRow.id], limit=limit, cursor=cursor,
                       key=lambda s: (s.changed_at, s.id))


def invites_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(PortalInvite).where(PortalInvite.customer_id == customer_id)
    return keyset_page(session, stmt, [PortalInvite.created_at, PortalInvite.id], limit=limit, cursor=cursor,
                       key=lambda i: (i.created_at, i.id))


def open_invites(session: Session, customer_id: uuid.UUID, now: dt.datetime, *,
                 limit: int) -> list[PortalInvite]:
    """The customer's pending invitations (not redeemed, not expired at ``now``), newest first."""
    return list(session.scalars(select(PortalInvite).where(
        PortalInvite.customer_id == customer_id, PortalInvite.redeemed_at.is_(None), PortalInvite.expires_at > now)
        .order_by(PortalInvite.created_at.desc(), PortalInvite.id.desc()).limit(limit)))


def relations_with_others(session: Session, customer_id: uuid.UUID) -> list[tuple[Relation, Customer]]:
    """The customer's links, each with the customer at the other end (one statement)."""
    other = case((Relation.customer_id == customer_id, Relation.related_id), else_=Relation.customer_id)
    rows = session.execute(select(Relation, Customer).join(Customer, Customer.id == other)
                           .where(or_(Relation.customer_id == customer_id, Relation.related_id == customer_id))
                           .order_by(Relation.created_at, Relation.id))
    return [(relation, customer) for relation, customer in rows]


def memberships_of(session: Session, customer_id: uuid.UUID) -> list[Membership]:
    return list(session.scalars(select(Membership).where(Membership.customer_id == customer_id)
                                .order_by(Membership.since.desc(), Membership.plan_id)))


def erasures_page(session: Session, *, limit: int, cursor: str | None) -> Page:
    """The account's erasures, newest first."""
    return keyset_page(session, select(Erasure), [Erasure.erased_at, Erasure.id], limit=limit, cursor=cursor,
                       key=lambda e: (e.erased_at, e.id), descending=True)


def merges_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    """The merge audit trail of a customer, as target or as duplicate, newest first."""
    stmt = select(Merge).where(or_(Merge.target_id == customer_id, Merge.duplicate_id == customer_id))
    return keyset_page(session, stmt, [Merge.merged_at, Merge.id], limit=limit, cursor=cursor,
                       key=lambda m: (m.merged_at, m.id))


_IMPORT_COLUMNS = ("id, kind, filename, layout, status, total_rows, position AS rows_done, rows_created, "
                   "rows_matched, rows_failed, attempts, error, created_by, created_at, started_at, updated_at, "
                   "finished_at")


def one_import(session: Session, import_id: uuid.UUID) -> dict:
    """An import of the account with its progress; NotFound for any other."""
    row = session.execute(text(f"SELECT {_IMPORT_COLUMNS} FROM imports WHERE id = :id AND account_id = :account"),
                          {"id": import_id, "account": session.info["account_id"]}).first()
    if row is None:
        raise NotFound("No such import.")
    return _progress(row)


def recent_imports(session: Session, limit: int = 20) -> list[dict]:
    """The account's latest imports, newest first, with their progress."""
    rows = session.execute(text(f"SELECT {_IMPORT_COLUMNS} FROM imports WHERE account_id = :account "
                                "ORDER BY created_at DESC LIMIT :limit"),
                           {"account": session.info["account_id"], "limit": limit})
    return [_progress(row) for row in rows]


def _progress(row) -> dict:
    """The import as shown: rows done so far and, while it runs, the seconds left at its rate so far."""
    out = dict(row._mapping)
    updated, started = out.pop("updated_at"), out["started_at"]
    out["seconds_left"] = None
    if out["status"] == "running" and started and updated and out["rows_done"]:
        rate = out["rows_done"] / max((updated - started).total_seconds(), 0.001)
        out["seconds_left"] = round((out["total_rows"] - out["rows_done"]) / rate)
    return out


def import_rows_page(session: Session, import_id: uuid.UUID, *, after: int, outcome: str | None,
                     limit: int) -> tuple[list[dict], int | None]:
    """The rows of an import after row number ``after`` (of one outcome, if given), in order, and the row number
    the next page starts after: None on the last page."""
    rows = session.execute(text(
        "SELECT row_number, outcome, customer_id, matched_by, reason FROM import_rows "
        "WHERE import_id = :id AND row_number > :after AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome) "
        "ORDER BY row_number LIMIT :limit"),
        {"id": import_id, "after": after, "outcome": outcome, "limit": limit + 1}).all()
    items = [dict(r._mapping) for r in rows[:limit]]
    return items, items[-1]["row_number"] if len(rows) > limit else None


# A customer's profile read in one statement, shaped like the ORM models so the same presenters show it.
#
# The profile is the most read thing of this service (every workspace opens with it). Loaded through the ORM it
# took four statements with eager loads (bench/README.md, figures behind choices); PostgreSQL can assemble the
# nested lists as JSON in one round trip, leaving Python only a few dates to parse. The result answers exactly what
# the ORM objects would (tests/test_profile_view.py compares the two), so a column added to the models must be added
# here too.
PINNED_NOTES = 20

# json (not jsonb): jsonb would keep floats as numeric, rounding a latitude to 15 digits. Every nested list
# repeats its relationship's order_by (orm.py); the account condition is written out because raw SQL gets no
# Tenanted criteria.
_PROFILE = text(f"""
SELECT c.id, c.number, c.display_name, c.company, c.kind, c.status, c.preferred_channel, c.lead_source,
       c.do_not_service, c.do_not_service_reason, c.created_by, c.created_at, c.last_contacted_at,
       c.next_follow_up_at, c.archived_at, c.merged_into, c.revision,
  (SELECT coalesce(json_agg(t.name ORDER BY t.name_lower), '[]') FROM tags t
    WHERE t.account_id = c.account_id AND t.customer_id = c.id) AS tags,
  (SELECT coalesce(json_agg(json_build_object(
            'id', k.id, 'name', k.name, 'role', k.role, 'is_primary', k.is_primary,
            'emails', (SELECT coalesce(json_agg(e.address ORDER BY e.position), '[]') FROM contact_emails e
                        WHERE e.account_id = k.account_id AND e.contact_id = k.id),
            'phones', (SELECT coalesce(json_agg(json_build_object('entered', p.entered, 'e164', p.e164,
                                                                  'extension', p.extension, 'label', p.label)
                                                ORDER BY p.position), '[]')
                         FROM contact_phones p WHERE p.account_id = k.account_id AND p.contact_id = k.id))
          ORDER BY k.created_at, k.id), '[]')
     FROM contacts k WHERE k.account_id = c.account_id AND k.customer_id = c.id) AS contacts,
  (SELECT coalesce(json_agg(json_build_object(
            'id', r.id, 'is_primary', r.is_primary, 'kind', r.kind, 'line1', r.line1, 'line2', r.line2,
            'city', r.city, 'region', r.region, 'postal_code', r.postal_code, 'country', r.country,
            'access_notes', r.access_notes, 'notes', r.notes, 'geocode_status', r.geocode_status,
            'latitude', r.latitude, 'longitude', r.longitude, 'formatted_address', r.formatted_address,
            'geocoded_at', r.geocoded_at, 'geocode_reason', r.geocode_reason, 'geocode_error', r.geocode_error,
            'equipment', (SELECT coalesce(json_agg(json_build_object(
                                   'id', q.id, 'property_id', q.property_id, 'kind', q.kind, 'make', q.make,
                                   'model', q.model, 'serial', q.serial, 'installed_on', q.installed_on,
                                   'warranty_until', q.warranty_until, 'notes', q.notes)
                                 ORDER BY q.created_at, q.id), '[]')
                            FROM equipment q WHERE q.account_id = r.account_id AND q.property_id = r.id))
          ORDER BY r.created_at, r.id), '[]')
     FROM properties r WHERE r.account_id = c.account_id AND r.customer_id = c.id) AS properties,
  (SELECT coalesce(json_agg(n ORDER BY n.created_at DESC, n.id DESC), '[]') FROM (
     SELECT id, body, pinned, author, communication_id, created_at, updated_at FROM notes
      WHERE account_id = c.account_id AND customer_id = c.id AND pinned
      ORDER BY created_at DESC, id DESC LIMIT {PINNED_NOTES}) n) AS pinned_notes
FROM customers c WHERE c.account_id = :account AND c.id = :customer
""")


def _stamp(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value is not None else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _equipment(q: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**q, "installed_on": _day(q["installed_on"]),
                              "warranty_until": _day(q["warranty_until"])})


def _property(r: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**r, "geocoded_at": _stamp(r["geocoded_at"]),
                              "equipment": [_equipment(q) for q in r["equipment"]]})


def _contact(k: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**k, "emails": [SimpleNamespace(address=a) for a in k["emails"]],
                              "phones": [SimpleNamespace(**p) for p in k["phones"]]})


def _note(n: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**n, "created_at": _stamp(n["created_at"]), "updated_at": _stamp(n["updated_at"])})


def load_profile(session: Session, customer_id: uuid.UUID) -> tuple[SimpleNamespace, list[SimpleNamespace]] | None:
    """The customer (with contacts, properties and their equipment, tags) and its newest pinned notes, or None
    when the caller's account has no such customer."""
    session.flush()  # a statement of its own text is not autoflushed: what this unit of work changed is read too
    row = session.execute(_PROFILE, {"account": session.info["account_id"], "customer": customer_id}).mappings().first()
    if row is None:
        return None
    customer = SimpleNamespace(**{**row, "tags": [SimpleNamespace(name=t) for t in row["tags"]],
                                  "contacts": [_contact(k) for k in row["contacts"]],
                                  "properties": [_property(r) for r in row["properties"]]})
    return customer, [_note(n) for n in row["pinned_notes"]]


# The list items of a page of customers read in one statement, shaped so `presenters.summary` shows them.
#
# A search answers on every letter typed, and loading its page through the ORM's eager loads took six statements
# (customers, contacts, emails, phones, properties, tags): most of a typed letter's time. A list item shows only
# the first email and phone (primary contacts first) and the primary property, so PostgreSQL picks those itself and
# sends one row per customer. Each customer is handed on as if its relationships held just what the summary reads;
# tests/test_summary_view.py compares the result with the ORM's, so a field added to the summary is added here too.
# The orders repeat the relationships' order_by (orm.py) and the summary's "primary contacts first"; the account
# condition is written out because raw SQL gets no Tenanted criteria.
_SUMMARIES = text("""
SELECT c.id, c.number, c.display_name, c.company, c.kind, c.status, c.do_not_service, c.do_not_service_reason,
       c.archived_at, c.merged_into, c.last_contacted_at, c.next_follow_up_at,
  (SELECT coalesce(array_agg(t.name ORDER BY t.name_lower), '{}') FROM tags t
    WHERE t.account_id = c.account_id AND t.customer_id = c.id) AS tag_names,
  (SELECT e.address FROM contacts k JOIN contact_emails e ON e.contact_id = k.id AND e.account_id = k.account_id
    WHERE k.account_id = c.account_id AND k.customer_id = c.id
    ORDER BY k.is_primary DESC, k.created_at, k.id, e.position LIMIT 1) AS email,
  (SELECT json_build_object('entered', p.entered, 'e164', p.e164, 'extension', p.extension, 'label', p.label)
     FROM contacts k JOIN contact_phones p ON p.contact_id = k.id AND p.account_id = k.account_id
    WHERE k.account_id = c.account_id AND k.customer_id = c.id
    ORDER BY k.is_primary DESC, k.created_at, k.id, p.position LIMIT 1) AS phone,
  (SELECT json_build_object('line1', r.line1, 'line2', r.line2, 'city', r.city, 'region', r.region,
                            'postal_code', r.postal_code, 'country', r.country)
     FROM properties r WHERE r.account_id = c.account_id AND r.customer_id = c.id AND r.is_primary
    ORDER BY r.created_at, r.id LIMIT 1) AS address
FROM customers c WHERE c.account_id = :account AND c.id = ANY(:ids)
""")


def _customer(row) -> SimpleNamespace:
    contact = SimpleNamespace(is_primary=True, emails=[SimpleNamespace(address=row.email)] if row.email else [],
                              phones=[SimpleNamespace(**row.phone)] if row.phone else [])
    properties = [SimpleNamespace(is_primary=True, **row.address)] if row.address else []
    return SimpleNamespace(**row._mapping, tags=[SimpleNamespace(name=name) for name in row.tag_names],
                           contacts=[contact], properties=properties)


def load_summaries(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, SimpleNamespace]:
    """The caller's account's customers among ``ids``, by id, as list items (others are left out)."""
    if not ids:
        return {}
    rows = session.execute(_SUMMARIES, {"account": session.info["account_id"], "ids": list(ids)})
    return {row.id: _customer(row) for row in rows}


def archived_fields(session: Session, customer_id: uuid.UUID) -> list[dict]:
    """What imports kept of a customer that has no field of ours (the old system's columns), newest first."""
    rows = session.execute(text(
        "SELECT id, source, import_id, imported_at, fields FROM customer_archived_fields "
        "WHERE account_id = :account AND customer_id = :customer ORDER BY imported_at DESC, id"),
        {"account": session.info["account_id"], "customer": customer_id})
    return [{**dict(r._mapping), "fields_": [{"name": k, "value": v} for k, v in r.fields]} for r in rows]
