"""Reads that skip the domain: overdue figures, pages of invoices, ledger and activity, statement rows."""
from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import NamedTuple

from sqlalchemy import (BigInteger, Date, DateTime, Integer, Uuid, and_, bindparam, cast, func, literal, or_, select,
                        tuple_, union_all)
from sqlalchemy.orm import Session

from billing.adapters.orm import (Allocation, CardOnFile, CreditNote, CustomerSummary, Invoice, LedgerEntry, Payment,
                                  PriceBookItem, Refund)
from billing.domain.aging import OpenItem
from billing.domain.invoice import DRAFT, OPEN_STATUSES, OVERDUE
from billing.domain.price_book import PricedPlace, PricingTable, pricing_table
from billing.domain.summary import DEFAULT_CURRENCY, summary_document
from chassis.activity import api_link
from chassis.customer_directory import properties_of
from chassis.db import found
from chassis.errors import NotFound
from chassis.pagination import Page, decode_key, keyset_page, page_of


# The summary and activity statements are built once, with bound parameters: composing them (subqueries, a
# four-branch union) costs SQLAlchemy several times the CPU of running them, and they are read on every workspace.
_ACCOUNT, _CUSTOMER = bindparam("account_id", type_=Uuid), bindparam("customer_id", type_=Uuid)
_LIMIT = bindparam("limit", type_=Integer)


def _overdue(customer, today):
    return (select(func.coalesce(func.sum(Invoice.balance_cents), 0).label("overdue_cents"),
                   func.min(Invoice.due_date).label("oldest_overdue_due_date"))
            .where(Invoice.payer_id == customer, Invoice.status.in_(OPEN_STATUSES), Invoice.due_date < today,
                   Invoice.balance_cents > 0))


def day_of(now: dt.datetime) -> dt.date:
    """The (UTC) day ``now`` falls on: the day invoices fall overdue by."""
    return now.astimezone(dt.timezone.utc).date()


def open_position(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> tuple[int, dt.date | None]:
    """Overdue balance and oldest overdue due date as of ``now``, from the partial index of open invoices only."""
    row = session.execute(_overdue(customer_id, day_of(now))).one()
    return int(row[0]), row[1]


@functools.cache
def _summary_statement():
    # explicit account filter: the automatic one is not relied on inside a subquery
    today = bindparam("today", type_=Date)
    position = _overdue(_CUSTOMER, today).where(Invoice.account_id == _ACCOUNT).subquery()
    # the open invoice that falls overdue next: when time alone changes the figures (same partial index)
    next_due = (select(func.min(Invoice.due_date))
                .where(Invoice.account_id == _ACCOUNT, Invoice.payer_id == _CUSTOMER,
                       Invoice.status.in_(OPEN_STATUSES), Invoice.due_date >= today, Invoice.balance_cents > 0)
                .scalar_subquery())
    return (select(CustomerSummary, position.c.overdue_cents, position.c.oldest_overdue_due_date,
                   next_due.label("next_due_date"))
            .select_from(position).outerjoin(CustomerSummary, CustomerSummary.customer_id == _CUSTOMER))


class Position(NamedTuple):
    summary: CustomerSummary | None  # None before the first money change
    overdue_cents: int
    oldest_overdue_due_date: dt.date | None
    next_due_date: dt.date | None  # the earliest due date of an open invoice still owing that is not overdue yet


def _summary_and_position(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> Position:
    """The summary row and the open position as of ``now`` in one round trip."""
    summary, overdue_cents, oldest, next_due = session.execute(_summary_statement(), {
        "account_id": session.info["account_id"], "customer_id": customer_id, "today": day_of(now)}).one()
    return Position(summary, int(overdue_cents), oldest, next_due)


def shown(invoice: Invoice, now: dt.datetime) -> Invoice:
    """The invoice, its status to be shown as of ``now`` (``overdue`` depends on the day)."""
    invoice.shown_on = day_of(now)
    return invoice


def invoice(session: Session, invoice_id: uuid.UUID, *, now: dt.datetime) -> Invoice:
    return shown(found(session, Invoice, invoice_id, "invoice"), now)


def payment(session: Session, payment_id: uuid.UUID) -> Payment:
    return found(session, Payment, payment_id, "payment")


def credit_note(session: Session, note_id: uuid.UUID) -> CreditNote:
    return found(session, CreditNote, note_id, "credit note")


def refund(session: Session, refund_id: uuid.UUID) -> Refund:
    return found(session, Refund, refund_id, "refund")


def price_book_item(session: Session, item_id: uuid.UUID) -> PriceBookItem:
    return found(session, PriceBookItem, item_id, "price book item")


def card_if_any(session: Session, customer_id: uuid.UUID) -> CardOnFile | None:
    return session.get(CardOnFile, customer_id)


def card_on_file(session: Session, customer_id: uuid.UUID) -> CardOnFile:
    card = card_if_any(session, customer_id)
    if card is None:
        raise NotFound("No card on file.")
    return card


def customer_summary(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> dict:
    """The summary as ``GET /customers/<id>/billing-summary`` shows it: the row and the overdue figures in one query."""
    return summary_and_next_due(session, customer_id, now)[0]


def summary_and_next_due(session: Session, customer_id: uuid.UUID,
                         now: dt.datetime) -> tuple[dict, dt.date | None]:
    """The summary as of ``now``, and the due date after which the next open invoice falls overdue (None: none
    will), in the same one query."""
    position = _summary_and_position(session, customer_id, now)
    return (summary_document(position.summary, customer_id, position.overdue_cents,
                             position.oldest_overdue_due_date, now), position.next_due_date)


def status_condition(status: str, today: dt.date):
    """Filter by what people see: ``overdue`` is computed, so ``sent`` excludes the overdue ones."""
    is_overdue = and_(Invoice.status.in_(OPEN_STATUSES), Invoice.due_date < today, Invoice.balance_cents > 0)
    if status == OVERDUE:
        return is_overdue
    if status in OPEN_STATUSES:
        return and_(Invoice.status == status, ~is_overdue)
    return Invoice.status == status


def invoice_page(session: Session, customer_id: uuid.UUID, *, status: str | None, now: dt.datetime, limit: int,
                 cursor: str | None, job_id: uuid.UUID | None = None) -> Page:
    # The customer's own invoices, and those billed to them for another customer's work.
    today = day_of(now)
    stmt = select(Invoice).where(or_(Invoice.customer_id == customer_id, Invoice.bill_to_customer_id == customer_id))
    if status:
        stmt = stmt.where(status_condition(status, today))
    if job_id:
        stmt = stmt.where(Invoice.job_id == job_id)
    page = keyset_page(session, stmt, [Invoice.created_at, Invoice.id], limit=limit, cursor=cursor,
                       key=lambda i: (i.created_at, i.id))
    for invoice in page.items:
        shown(invoice, now)  # statuses read for the same day the filter and the summary used
    return page


def ledger_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    stmt = select(LedgerEntry).where(LedgerEntry.customer_id == customer_id)
    return keyset_page(session, stmt, [LedgerEntry.position], limit=limit, cursor=cursor, key=lambda e: (e.position,))


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone.utc)


def open_items(session: Session, customer_id: uuid.UUID, as_of: dt.date) -> list[OpenItem]:
    """What the customer owed at the end of ``as_of``: invoices issued by then (not void by then), less the payments
    and credits applied to them by then, with refunds made later taken back out."""
    end = _end_of(as_of)
    applied_then = (select(func.coalesce(func.sum(Allocation.amount_cents), 0))
                    .where(Allocation.invoice_id == Invoice.id, Allocation.applied_at < end).scalar_subquery())
    # a refund off an invoice lowered its allocation in place; one made after the day was still applied on it
    refunded_later = (select(func.coalesce(func.sum(Refund.amount_cents), 0))
                      .join(Payment, Payment.id == Refund.payment_id)
                      .where(Refund.invoice_id == Invoice.id, Refund.created_at >= end, Payment.received_at < end)
                      .scalar_subquery())
    applied = applied_then + refunded_later
    owed = cast(func.least(Invoice.total_cents, func.greatest(Invoice.total_cents - applied, 0)), BigInteger)
    owed_then = (select(Invoice.number, Invoice.issue_date, Invoice.due_date, Invoice.total_cents, owed.label("owed"))
                 .where(Invoice.payer_id == customer_id, Invoice.status != DRAFT, Invoice.issue_date <= as_of,
                        or_(Invoice.voided_at.is_(None), Invoice.voided_at >= end))
                 .subquery())
    rows = session.execute(select(owed_then).where(owed_then.c.owed > 0)
                           .order_by(owed_then.c.due_date, owed_then.c.number))
    return [OpenItem(*row) for row in rows]


def credit_on(session: Session, customer_id: uuid.UUID, as_of: dt.date) -> int:
    """The customer's account credit at the end of ``as_of``: payments received and credit notes issued by then,
    less what was applied to invoices or given back to the customer by then."""
    end = _end_of(as_of)
    received = (select(func.coalesce(func.sum(Payment.amount_cents), 0))
                .where(Payment.customer_id == customer_id, Payment.received_at < end).scalar_subquery())
    issued = (select(func.coalesce(func.sum(CreditNote.amount_cents), 0))
              .where(CreditNote.customer_id == customer_id, CreditNote.created_at < end).scalar_subquery())
    # a refund off an invoice lowered its allocation in place, so one made after the day is added back below (the
    # money was still on the invoice then)
    applied = (select(func.coalesce(func.sum(Allocation.amount_cents), 0))
               .outerjoin(Payment, Payment.id == Allocation.payment_id)
               .outerjoin(CreditNote, CreditNote.id == Allocation.credit_note_id)
               .where(or_(Payment.customer_id == customer_id, CreditNote.customer_id == customer_id),
                      Allocation.applied_at < end)
               .scalar_subquery())
    refunds = select(func.coalesce(func.sum(Refund.amount_cents), 0)).join(Payment, Payment.id == Refund.payment_id)
    taken_back_later = refunds.where(Refund.customer_id == customer_id, Refund.invoice_id.is_not(None),
                                     Refund.created_at >= end, Payment.received_at < end).scalar_subquery()
    # money given back to the customer by then left the account, whether it came off an invoice or off the credit
    given_back = refunds.where(Refund.customer_id == customer_id, Refund.destination == "customer",
                               Refund.created_at < end).scalar_subquery()
    credit = session.execute(select(received + issued - applied - taken_back_later - given_back)).scalar_one()
    return max(int(credit), 0)


# Where each kind of record is read in the API: its link is api_link(path + id), built from the row in Python.
_PATHS = {"invoice": "/invoices/", "payment": "/payments/", "credit": "/credit-notes/", "refund": "/refunds/"}


def _activity_branch(model, kind: str, at, title, status, amount, paged: bool):
    # explicit account filter: the automatic one is not relied on inside a UNION's subqueries
    stmt = select(model.id.label("id"), literal(kind).label("kind"), at.label("occurred_at"), title.label("title"),
                  status.label("status"), amount.label("amount_cents"), model.currency.label("currency")
                  ).where(model.account_id == _ACCOUNT, model.customer_id == _CUSTOMER)
    if paged:
        stmt = stmt.where(tuple_(at, model.id) < tuple_(bindparam("after_at", type_=DateTime(timezone=True)),
                                                        bindparam("after_id", type_=Uuid)))
    return stmt.order_by(at.desc(), model.id.desc()).limit(_LIMIT)


@functools.cache
def _activity_statement(paged: bool):
    """The first page's statement (``paged`` False) or the one of the pages after a cursor."""
    branches = [
        _activity_branch(Invoice, "invoice", Invoice.created_at, literal("Invoice ") + Invoice.number,
                         Invoice.status, Invoice.total_cents, paged),
        _activity_branch(Payment, "payment", Payment.received_at, literal("Payment (") + Payment.method + ")",
                         literal("recorded"), Payment.amount_cents, paged),
        _activity_branch(CreditNote, "credit", CreditNote.created_at, literal("Credit note ") + CreditNote.number,
                         literal("issued"), CreditNote.amount_cents, paged),
        _activity_branch(Refund, "refund", Refund.created_at, literal("Refund"), Refund.destination,
                         Refund.amount_cents, paged),
    ]
    merged = union_all(*[b.subquery().select() for b in branches]).subquery()
    return select(merged).order_by(merged.c.occurred_at.desc(), merged.c.id.desc()).limit(_LIMIT)


def activity_page(session: Session, customer_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page:
    """Invoices, payments, credit notes and refunds merged newest first; each branch reads one page by index."""
    values = {"account_id": session.info["account_id"], "customer_id": customer_id, "limit": limit + 1}
    if cursor is not None:
        after = decode_key(cursor, dt.datetime, uuid.UUID)
        values.update(after_at=after[0], after_id=after[1])
    rows = [{**row, "summary": None, "link": api_link(_PATHS[row["kind"]] + str(row["id"]))}
            for row in session.execute(_activity_statement(cursor is not None), values).mappings()]
    return page_of(rows, limit, key=lambda row: (row["occurred_at"], row["id"]))


def price_book_page(session: Session, *, q: str | None, archived: bool, limit: int, cursor: str | None) -> Page:
    """The live items (or the archived ones) by name, those whose name contains ``q`` if given."""
    stmt = select(PriceBookItem).where(PriceBookItem.archived_at.isnot(None) if archived
                                       else PriceBookItem.archived_at.is_(None))
    if q:
        stmt = stmt.where(PriceBookItem.name.icontains(q, autoescape=True))
    return keyset_page(session, stmt, [PriceBookItem.name, PriceBookItem.id], limit=limit, cursor=cursor,
                       key=lambda i: (i.name, i.id), descending=False)


def customer_pricing_table(session: Session, customer_id: uuid.UUID) -> PricingTable:
    """Every live item, priced at each of the customer's properties for that property's kind."""
    summary = session.get(CustomerSummary, customer_id)
    currency = summary.currency if summary else DEFAULT_CURRENCY
    # Prices in another currency than the customer is billed in are not theirs to be offered.
    items = session.scalars(select(PriceBookItem).where(PriceBookItem.archived_at.is_(None),
                                                        PriceBookItem.currency == currency)
                            .order_by(func.lower(PriceBookItem.name), PriceBookItem.id)).all()
    places = sorted((PricedPlace(p.id, p.one_line, p.kind) for p in properties_of(session, customer_id)),
                    key=lambda place: place.label)
    return pricing_table(items, places, currency)
