"""The fact snapshots: each customer's loaded facts, kept until an event drops them or time runs them out.

A drop never deletes the row: it empties it and raises its ``generation``. A reader stores what it
loaded only while the row still has the generation it saw before loading (the upsert's ``WHERE``
waits for a drop in progress and then sees it), so facts loaded from the model as it was before a
drop committed can never be stored after it.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Uuid, and_, bindparam, literal, null, select, union, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from insights.adapters.facts_json import SHAPE, decode_facts, encode
from insights.adapters.orm import (CommunicationFact, CustomerFact, EstimateFact, FactSnapshot, InvoiceFact, JobFact,
                                   MergeFact, PaymentFact, PlanFact, StatementFact)
from insights.domain.facts import CustomerFacts

# Rows that belong to one customer and are named by their own id in events.
_OWNED = (JobFact, EstimateFact, PlanFact, InvoiceFact, PaymentFact, CommunicationFact, StatementFact)
_DROPPED = {"facts": null(), "shape": None, "computed_at": None, "valid_until": None}  # SQL NULL, not JSON null


@dataclass(frozen=True)
class Lookup:
    facts: CustomerFacts | None  # None: never stored, dropped, expired, or stored by another release
    generation: int              # what the row must still hold for a store to be allowed (0: no row yet)


# A snapshot row as ``read`` takes it; other reads that fetch it together with more select these columns.
COLUMNS = (FactSnapshot.generation, FactSnapshot.shape, FactSnapshot.facts, FactSnapshot.computed_at,
           FactSnapshot.valid_until)


def read(row, now: dt.datetime) -> Lookup:
    """What a row of ``COLUMNS`` (all None where there is no row) holds for a read at ``now``."""
    if row.generation is None:
        return Lookup(None, 0)
    # The lower bound matters when the clock is behind the one that stored them (another host, a test).
    fresh = row.facts is not None and row.shape == SHAPE and row.computed_at <= now < row.valid_until
    return Lookup(decode_facts(row.facts) if fresh else None, row.generation)


def lookup(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> Lookup:
    row = session.execute(select(*COLUMNS).where(FactSnapshot.customer_id == customer_id)).first()
    return read(row, now) if row else Lookup(None, 0)


def store(session: Session, customer_id: uuid.UUID, facts: CustomerFacts, *, generation: int, now: dt.datetime,
          valid_until: dt.datetime) -> bool:
    """Keeps ``facts`` unless the snapshot was dropped since ``generation`` was read; True when kept."""
    values = {"shape": SHAPE, "facts": encode(facts), "computed_at": now, "valid_until": valid_until}
    stmt = insert(FactSnapshot).values(account_id=session.info["account_id"], customer_id=customer_id,
                                       generation=generation, **values)
    stmt = stmt.on_conflict_do_update(index_elements=[FactSnapshot.customer_id, FactSnapshot.account_id],
                                      set_=values, where=FactSnapshot.generation == generation)
    return session.execute(stmt.returning(FactSnapshot.generation)).first() is not None


def _drop_affected_statement():
    account, ids = bindparam("account", type_=Uuid), bindparam("ids", expanding=True, type_=Uuid)
    seeds = union(select(CustomerFact.id).where(CustomerFact.account_id == account, CustomerFact.id.in_(ids)),
                  select(MergeFact.duplicate_id).where(MergeFact.account_id == account,
                                                       MergeFact.duplicate_id.in_(ids)),
                  select(MergeFact.target_id).where(MergeFact.account_id == account, MergeFact.target_id.in_(ids)),
                  *(select(model.customer_id).where(model.account_id == account, model.id.in_(ids),
                                                    model.customer_id.is_not(None)) for model in _OWNED),
                  # A plan shows whether a visit is booked: its owner's facts follow the plan's jobs too.
                  select(PlanFact.customer_id).join(JobFact, and_(JobFact.account_id == account,
                                                                  JobFact.plan_id == PlanFact.id))
                  .where(PlanFact.account_id == account, JobFact.id.in_(ids)))
    affected = select(seeds.subquery().c.id).cte("affected", recursive=True)
    affected = affected.union(select(MergeFact.target_id).where(MergeFact.account_id == account,
                                                                MergeFact.duplicate_id == affected.c.id))
    customers = (select(account, CustomerFact.id, literal(1))
                 .where(CustomerFact.account_id == account, CustomerFact.id.in_(select(affected.c.id)))
                 .order_by(CustomerFact.id))  # one lock order, so two consumers cannot deadlock here
    stmt = insert(FactSnapshot).from_select(["account_id", "customer_id", "generation"], customers)
    return stmt.on_conflict_do_update(index_elements=[FactSnapshot.customer_id, FactSnapshot.account_id],
                                      set_={"generation": FactSnapshot.generation + 1, **_DROPPED})


# Built once: building it costs more than running it, and it runs for every event.
_DROP_AFFECTED = _drop_affected_statement()


def drop_affected(session: Session, named: Collection[uuid.UUID]) -> None:
    """Drops the snapshots of every customer whose facts a change to the rows ``named`` may alter.

    Those are the customers named, the owners of the rows named (and of the plans of the jobs
    named), and every customer they are merged into, transitively (a target's facts include its
    duplicates'). Merges are followed
    whether undone or not, and owners are read as they are before the change: a superset is safe.
    A row is written for each, even where nothing was stored yet, so a reader loading at this
    moment finds the generation moved.
    """
    # On the connection, so without an autoflush: an owner only the session knows of yet was named by an
    # earlier event of this transaction, whose own drop already covered it.
    if named:
        session.connection().execute(_DROP_AFFECTED, {"account": session.info["account_id"], "ids": list(named)})


def drop_all(session: Session) -> None:
    """Drops every snapshot of the session's account (a rebuild), and marks every customer as dropped."""
    account = session.info["account_id"]
    session.execute(update(FactSnapshot).where(FactSnapshot.account_id == account)
                    .values(generation=FactSnapshot.generation + 1, **_DROPPED))
    customers = select(literal(account), CustomerFact.id, literal(1)).where(CustomerFact.account_id == account)
    session.execute(insert(FactSnapshot).from_select(["account_id", "customer_id", "generation"], customers)
                    .on_conflict_do_nothing())
