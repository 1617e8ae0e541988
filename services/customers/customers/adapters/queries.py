"""Read side: pages and views queried directly (no domain rules involved), all on indexes."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import exists, or_, select, text
from sqlalchemy.orm import Session, selectinload

from chassis.pagination import Page, decode_key, encode_cursor, keyset_page
from customers.adapters.orm import Contact, Customer, Merge, Note, PortalInvite, StatusChangeRow, Tag
from customers.adapters.relations import Membership
from customers.adapters.search import Filters, search_ids
from customers.adapters.summary_view import load_summaries
from customers.domain.membership import ACTIVE
from customers.domain.search_terms import parse_query

# What a list item shows (a summary); a profile is read by adapters.profile_view.
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


def search_customers(session: Session, query: str, filters: Filters, *, limit: int, cursor: str | None) -> Page:
    after = None
    if cursor:
        score, word, customer_id = decode_key(cursor, (int, float), str, uuid.UUID)
        after = (int(score), word, customer_id)
    hits, carry_on = search_ids(session, parse_query(query), filters, limit=limit, after=after)
    found = customers_by_id(session, [customer_id for customer_id, _ in hits])
    next_cursor = encode_cursor(list(carry_on)) if carry_on else None
    return Page([found[customer_id] for customer_id, _ in hits], next_cursor)


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
WHERE (CAST(:after_at AS timestamptz) IS NULL OR (occurred_at, id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
ORDER BY occurred_at DESC, id DESC LIMIT :limit
"""


def activity_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    after_at, after_id = decode_key(cursor, dt.datetime, uuid.UUID) if cursor else (None, None)
    rows = list(session.execute(text(_ACTIVITY), {
        "account": session.info["account_id"], "customer": customer_id, "after_at": after_at, "after_id": after_id,
        "limit": limit + 1}))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor([rows[-1].occurred_at, rows[-1].id]) if more and rows else None)


def status_history(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(StatusChangeRow).where(StatusChangeRow.customer_id == customer_id)
    return keyset_page(session, stmt, [StatusChangeRow.changed_at, StatusChangeRow.id], limit=limit, cursor=cursor,
                       key=lambda s: (s.changed_at, s.id))


def invites_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(PortalInvite).where(PortalInvite.customer_id == customer_id)
    return keyset_page(session, stmt, [PortalInvite.created_at, PortalInvite.id], limit=limit, cursor=cursor,
                       key=lambda i: (i.created_at, i.id))


def merges_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    """The merge audit trail of a customer, as target or as duplicate, newest first."""
    stmt = select(Merge).where(or_(Merge.target_id == customer_id, Merge.duplicate_id == customer_id))
    return keyset_page(session, stmt, [Merge.merged_at, Merge.id], limit=limit, cursor=cursor,
                       key=lambda m: (m.merged_at, m.id))
