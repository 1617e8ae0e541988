"""Reads that skip the domain: overdue figures, pages of invoices, ledger and activity, statement rows."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import String, and_, cast, func, literal, select, tuple_, union_all
from sqlalchemy.orm import Session

from billing.adapters.orm import CreditNote, Invoice, LedgerEntry, Payment, Refund
from billing.domain.aging import OpenItem
from billing.domain.invoice import OPEN_STATUSES, OVERDUE
from chassis.errors import field_error
from chassis.pagination import Page, decode_cursor, encode_cursor, keyset_page


def open_position(session: Session, customer_id: uuid.UUID, today: dt.date) -> tuple[int, dt.date | None]:
    """Overdue balance and oldest overdue due date, from the partial index of open invoices only."""
    row = session.execute(select(func.coalesce(func.sum(Invoice.balance_cents), 0), func.min(Invoice.due_date))
                          .where(Invoice.customer_id == customer_id, Invoice.status.in_(OPEN_STATUSES),
                                 Invoice.due_date < today, Invoice.balance_cents > 0)).one()
    return int(row[0]), row[1]


def status_condition(status: str, today: dt.date):
    """Filter by what people see: ``overdue`` is computed, so ``sent`` excludes the overdue ones."""
    is_overdue = and_(Invoice.status.in_(OPEN_STATUSES), Invoice.due_date < today, Invoice.balance_cents > 0)
    if status == OVERDUE:
        return is_overdue
    if status in OPEN_STATUSES:
        return and_(Invoice.status == status, ~is_overdue)
    return Invoice.status == status


def invoice_page(session: Session, customer_id: uuid.UUID, *, status: str | None, today: dt.date, limit: int,
                 cursor: str | None) -> Page:
    stmt = select(Invoice).where(Invoice.customer_id == customer_id)
    if status:
        stmt = stmt.where(status_condition(status, today))
    return keyset_page(session, stmt, [Invoice.created_at, Invoice.id], limit=limit, cursor=cursor,
                       key=lambda i: (i.created_at, i.id))


def ledger_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(LedgerEntry).where(LedgerEntry.customer_id == customer_id)
    return keyset_page(session, stmt, [LedgerEntry.position], limit=limit, cursor=cursor, key=lambda e: (e.position,))


def open_items(session: Session, customer_id: uuid.UUID) -> list[OpenItem]:
    rows = session.execute(select(Invoice.number, Invoice.issue_date, Invoice.due_date, Invoice.total_cents,
                                  Invoice.balance_cents)
                           .where(Invoice.customer_id == customer_id, Invoice.status.in_(OPEN_STATUSES),
                                  Invoice.balance_cents > 0).order_by(Invoice.due_date, Invoice.number))
    return [OpenItem(*row) for row in rows]


def _activity_branch(session, model, kind: str, at, title, status, amount, link_prefix: str, customer_id, after,
                     limit):
    # explicit account filter: the automatic one is not relied on inside a UNION's subqueries
    stmt = select(model.id.label("id"), literal(kind).label("kind"), at.label("occurred_at"), title.label("title"),
                  status.label("status"), amount.label("amount_cents"), model.currency.label("currency"),
                  (literal(link_prefix) + cast(model.id, String)).label("link")
                  ).where(model.account_id == session.info["account_id"], model.customer_id == customer_id)
    if after is not None:
        stmt = stmt.where(tuple_(at, model.id) < tuple_(*after))
    return stmt.order_by(at.desc(), model.id.desc()).limit(limit)


def activity_rows(session: Session, customer_id: uuid.UUID, *, limit: int,
                  cursor: str | None) -> tuple[list, str | None]:
    """Invoices, payments, credit notes and refunds merged newest first; each branch reads one page by index."""
    after = None
    if cursor is not None:
        try:
            after = decode_cursor(cursor)
        except ValueError:
            raise field_error("cursor", "Not a valid cursor.") from None
        if len(after) != 2:
            raise field_error("cursor", "Not a valid cursor for this list.")
    page = dict(customer_id=customer_id, after=after, limit=limit + 1)
    branches = [
        _activity_branch(session, Invoice, "invoice", Invoice.created_at, literal("Invoice ") + Invoice.number,
                         Invoice.status, Invoice.total_cents, "/invoices/", **page),
        _activity_branch(session, Payment, "payment", Payment.received_at,
                         literal("Payment (") + Payment.method + ")", literal("recorded"), Payment.amount_cents,
                         "/payments/", **page),
        _activity_branch(session, CreditNote, "credit", CreditNote.created_at,
                         literal("Credit note ") + CreditNote.number, literal("issued"), CreditNote.amount_cents,
                         "/credit-notes/", **page),
        _activity_branch(session, Refund, "refund", Refund.created_at, literal("Refund"), Refund.destination,
                         Refund.amount_cents, "/refunds/", **page),
    ]
    merged = union_all(*[b.subquery().select() for b in branches]).subquery()
    rows = list(session.execute(select(merged).order_by(merged.c.occurred_at.desc(), merged.c.id.desc())
                                .limit(limit + 1)).mappings())
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor((rows[-1]["occurred_at"], rows[-1]["id"])) if has_more and rows else None
    return rows, next_cursor
