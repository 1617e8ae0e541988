"""The books of one unit of work: the customer's summary row, their ledger and ``balance.changed``.

Every money change locks the customer's summary row first (``SELECT … FOR UPDATE``), so changes
for one customer run one at a time and invoice rows are read after the lock, never stale. Deltas
are contribution(after) − contribution(before) of each record touched (see domain.summary).
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from billing.adapters.orm import CustomerSummary, LedgerEntry
from billing.adapters.queries import open_position
from billing.domain.summary import DEFAULT_CURRENCY, FIELD_NAMES, Totals
from billing.domain.summary import summary_document as figures
from billing.service_layer import publishing
from chassis.errors import field_error
from chassis.messaging import emit


class Books:
    """The books a unit of work changes at ``now``: the date of ledger lines not dated otherwise and of figures told."""

    def __init__(self, session: Session, *, now: dt.datetime):
        self.session = session
        self.now = now
        self._touched: dict[uuid.UUID, CustomerSummary] = {}

    def open(self, customer_id: uuid.UUID, currency: str | None = None) -> CustomerSummary:
        """The customer's summary row, locked until commit (created on first use)."""
        summary = self._touched.get(customer_id)
        if summary is None:
            summary = self.session.scalars(select(CustomerSummary).where(CustomerSummary.customer_id == customer_id)
                                           .with_for_update()).first()
            if summary is None:
                summary = _create_locked(self.session, customer_id, currency or DEFAULT_CURRENCY)
            self._touched[customer_id] = summary
        if currency is not None and currency != summary.currency:
            raise field_error("currency", f"This customer is billed in {summary.currency}.")
        return summary

    def change(self, customer_id: uuid.UUID, delta: Totals) -> None:
        summary = self.open(customer_id)
        for name in FIELD_NAMES:
            setattr(summary, name, getattr(summary, name) + getattr(delta, name))

    def post(self, customer_id: uuid.UUID, *, kind: str, record_id: uuid.UUID, description: str,
             debit_cents: int = 0, credit_cents: int = 0, occurred_at: dt.datetime | None = None) -> LedgerEntry:
        summary = self.open(customer_id)
        previous = self.session.scalars(select(LedgerEntry.running_balance_cents).where(
            LedgerEntry.customer_id == customer_id, LedgerEntry.position == summary.ledger_position)).first() or 0
        summary.ledger_position += 1
        entry = LedgerEntry(customer_id=customer_id, position=summary.ledger_position,
                            occurred_at=occurred_at or self.now, kind=kind, record_id=record_id,
                            description=description, debit_cents=debit_cents, credit_cents=credit_cents,
                            running_balance_cents=previous + debit_cents - credit_cents, currency=summary.currency)
        self.session.add(entry)
        return entry

    def close(self) -> None:
        """Flushes, and tells the other services each touched customer's new figures."""
        self.session.flush()
        for customer_id, summary in self._touched.items():
            emit(self.session, publishing.balance_changed(summary_document(self.session, summary, now=self.now)))


def _create_locked(session: Session, customer_id: uuid.UUID, currency: str) -> CustomerSummary:
    from sqlalchemy.dialects.postgresql import insert
    session.execute(insert(CustomerSummary).values(
        customer_id=customer_id, account_id=session.info["account_id"], currency=currency, total_billed_cents=0,
        total_paid_cents=0, balance_cents=0, credit_cents=0, lifetime_value_cents=0, open_invoice_count=0,
        lifetime_revenue_cents=0, ledger_position=0).on_conflict_do_nothing())
    return session.scalars(select(CustomerSummary).where(CustomerSummary.customer_id == customer_id)
                           .with_for_update()).one()


def summary_document(session: Session, summary: CustomerSummary, *, now: dt.datetime) -> dict:
    """The summary as of ``now`` as ``balance.changed`` tells it, overdue read from the open-invoice index."""
    overdue_cents, oldest = open_position(session, summary.customer_id, now)
    return figures(summary, summary.customer_id, overdue_cents, oldest, now)
