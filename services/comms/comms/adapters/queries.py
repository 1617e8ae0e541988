"""Reads: the customer's feed, SMS threads, the unmatched inbox and the timeline part."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.customer_directory import visible_customer
from chassis.db import found
from chassis.pagination import Page, encode_cursor, keyset_page
from chassis.references import CallersApi

from comms.adapters.orm import Communication, ContactSource, SmsThread
from comms.domain.communication import activity_title, snippet


def _key(comm: Communication) -> tuple:
    return comm.occurred_at, comm.id


def _newestfirst_of(session: Session, stmt, limit: int, cursor: str | None) -> Page:
    return keyset_page(session, stmt, [Communication.occurred_at, Communication.id], limit=limit, cursor=cursor,
                       key=_key)


def knows(session: Session, customer_id: uuid.UUID) -> bool:
    """Whether a customer event has told this account the customer's contact points."""
    return session.scalar(select(ContactSource.customer_id).where(ContactSource.customer_id == customer_id)) is not None


def feed(session: Session, customer_id: uuid.UUID, customers: CallersApi, *, channel: str | None, limit: int,
         cursor: str | None) -> Page:
    """``customers`` is asked about a customer not heard of by event yet (``chassis.customer_directory``)."""
    visible_customer(session, customer_id, customers)
    stmt = select(Communication).where(Communication.customer_id == customer_id)
    if channel:
        stmt = stmt.where(Communication.channel == channel)
    return _newestfirst_of(session, stmt, limit, cursor)


def communication(session: Session, communication_id: uuid.UUID) -> Communication:
    return found(session, Communication, communication_id, "communication")


def unmatched(session: Session, *, channel: str | None = None, limit: int, cursor: str | None) -> Page:
    stmt = select(Communication).where(Communication.customer_id.is_(None))
    if channel:
        stmt = stmt.where(Communication.channel == channel)
    return _newestfirst_of(session, stmt, limit, cursor)


def customer_threads(session: Session, customer_id: uuid.UUID, customers: CallersApi, *, limit: int,
                     cursor: str | None) -> Page:
    visible_customer(session, customer_id, customers)
    return keyset_page(session, select(SmsThread).where(SmsThread.customer_id == customer_id),
                       [SmsThread.last_message_at, SmsThread.id], limit=limit, cursor=cursor,
                       key=lambda t: (t.last_message_at, t.id))


def thread_messages(session: Session, thread_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    found(session, SmsThread, thread_id, "thread")
    return _newestfirst_of(session, select(Communication).where(Communication.thread_id == thread_id), limit, cursor)


def activity_item(comm: Communication) -> dict:
    return {
        "id": comm.id, "kind": "communication", "occurred_at": comm.occurred_at,
        "title": activity_title(comm.channel, comm.direction, comm.handled_by_kind, comm.subject, comm.status,
                                comm.failure_reason),
        "summary": snippet(comm.body or comm.transcript), "status": comm.status,
        "amount_cents": None, "currency": None, "link": api_link(f"/communications/{comm.id}"),
    }


def activity(session: Session, customer_id: uuid.UUID, customers: CallersApi, *, limit: int,
             cursor: str | None) -> Page:
    page = feed(session, customer_id, customers, channel=None, limit=limit, cursor=cursor)
    return Page([activity_item(c) for c in page.items], page.next_cursor)


def first_of(page: Page, limit: int) -> Page:
    """The first ``limit`` items of a first page read with a limit at least as high, cursor as keyset_page sets it.

    ``chassis.pagination.keyset_page`` reads one page per statement; the workspace part serves its two first pages
    of the same feed from one read, so the shorter one is cut from the longer here."""
    items = page.items[:limit]
    more = len(page.items) > limit or page.next_cursor is not None
    return Page(items, encode_cursor(_key(items[-1])) if more and items else None)
