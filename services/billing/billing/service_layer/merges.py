"""customer.merged / customer.unmerged: move the duplicate's billing to the target and exactly back.

What moved is recorded by merge id, so a second delivery of the same merge (even under a new event
id) moves nothing, and an unmerge moves back only those records. Both customers' summaries are
recounted from their records and their ledgers renumbered in time order with new running balances.
"""
from __future__ import annotations

import uuid

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from billing.adapters.orm import CUSTOMER_OWNED, CustomerSummary, Merge, MergeMove
from billing.service_layer.books import Books
from billing.service_layer.recount import recount
from chassis.messaging.event import utcnow


def merge(session: Session, merge_id: uuid.UUID, duplicate_id: uuid.UUID, target_id: uuid.UUID) -> None:
    if session.get(Merge, merge_id) is not None:
        return
    books = Books(session)
    for customer_id in sorted((duplicate_id, target_id)):
        books.open(customer_id)
    session.execute(_DEFER_POSITIONS)
    session.add(Merge(merge_id=merge_id, duplicate_id=duplicate_id, target_id=target_id, state="merged"))
    session.flush()
    for model in CUSTOMER_OWNED:
        ids = session.scalars(select(model.id).where(model.customer_id == duplicate_id)).all()
        session.add_all(MergeMove(merge_id=merge_id, table_name=model.__tablename__, record_id=i) for i in ids)
        _move(session, model, ids, target_id)
    _settle_both(session, books, duplicate_id, target_id)


def unmerge(session: Session, merge_id: uuid.UUID) -> None:
    record = session.get(Merge, merge_id, with_for_update=True)
    if record is None or record.state != "merged":
        return
    books = Books(session)
    for customer_id in sorted((record.duplicate_id, record.target_id)):
        books.open(customer_id)
    session.execute(_DEFER_POSITIONS)
    for model in CUSTOMER_OWNED:
        ids = session.scalars(select(MergeMove.record_id).where(MergeMove.merge_id == merge_id,
                                                                MergeMove.table_name == model.__tablename__)).all()
        _move(session, model, ids, record.duplicate_id)
    record.state, record.unmerged_at = "unmerged", utcnow()
    _settle_both(session, books, record.duplicate_id, record.target_id)


def _move(session: Session, model, ids: list, customer_id: uuid.UUID) -> None:
    if ids:
        session.execute(update(model).where(model.id.in_(ids)).values(customer_id=customer_id)
                        .execution_options(synchronize_session=False))


def _settle_both(session: Session, books: Books, *customer_ids: uuid.UUID) -> None:
    session.flush()
    for customer_id in customer_ids:
        _renumber_ledger(session, customer_id)
        summary = session.get(CustomerSummary, customer_id)
        for name, value in recount(session, customer_id).as_dict().items():
            setattr(summary, name, value)
        summary.ledger_position = _last_position(session, customer_id)
    books.close()


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
