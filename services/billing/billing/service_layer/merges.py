"""customer.merged / customer.unmerged (chassis.merge_follower): the duplicate's billing goes to the target and back.

Both customers' books are locked first, in a fixed order, as every money change locks them; the ledgers' positions
may repeat until commit while both are renumbered. Once the records have moved, both customers' summaries are
recounted from their records and their ledgers renumbered in time order with new running balances.
"""
from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

from billing.adapters.orm import CreditNote, CustomerSummary, Invoice, LedgerEntry, Payment, Refund
from billing.service_layer.books import Books
from billing.service_layer.recount import recount
from chassis.merge_follower import FollowedMerge, MergeFollower
from chassis.messaging.event import utcnow


def _lock_books(session: Session, change: FollowedMerge) -> None:
    books = Books(session, now=utcnow())  # only locks: nothing is dated
    for customer_id in change.customers:
        books.open(customer_id)
    session.execute(_DEFER_POSITIONS)


def _settle_both(session: Session, change: FollowedMerge) -> None:
    books = Books(session, now=utcnow())  # the figures told are as of now: the moment the merge is followed
    for customer_id in change.customers:
        books.open(customer_id)  # locked already by _lock_books: this unit of work holds them
    for customer_id in (change.duplicate_id, change.target_id):
        _renumber_ledger(session, customer_id)
        summary = session.get(CustomerSummary, customer_id)
        for name, value in recount(session, customer_id).as_dict().items():
            setattr(summary, name, value)
        summary.ledger_position = _last_position(session, customer_id)
    books.close()


MERGES = MergeFollower([Invoice, Payment, CreditNote, Refund, LedgerEntry], before=_lock_books, after=_settle_both)

# Positions repeat while both ledgers are being renumbered; the unique check waits for commit.
_DEFER_POSITIONS = text("SET CONSTRAINTS ledger_by_customer DEFERRED")
_RENUMBER = text("""
UPDATE ledger_entries AS e SET position = r.n, running_balance_cents = r.running
FROM (SELECT id, row_number() OVER w AS n, sum(debit_cents - credit_cents) OVER w AS running
      FROM ledger_entries WHERE account_id = :account AND customer_id = :customer
      WINDOW w AS (ORDER BY occurred_at, position, id)) AS r
WHERE e.id = r.id
""")


def _renumber_ledger(session: Session, customer_id: uuid.UUID) -> None:
    params = {"account": session.info["account_id"], "customer": customer_id}
    session.execute(_RENUMBER, params)


def _last_position(session: Session, customer_id: uuid.UUID) -> int:
    return session.execute(text("SELECT coalesce(max(position), 0) FROM ledger_entries "
                                "WHERE account_id = :a AND customer_id = :c"),
                           {"a": session.info["account_id"], "c": customer_id}).scalar_one()
