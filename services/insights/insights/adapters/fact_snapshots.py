"""The fact snapshots: each customer's loaded facts, kept until an event drops them or time runs them out.

A drop never touches a snapshot: it raises the customer's ``fact_generations`` row. A reader reads that
generation before loading and stores its facts under it, and a snapshot is served only while its generation
is still the current one, so facts loaded from the model as it was before a drop committed are never served
after it. The generations live apart from the snapshots because the part store watches them (a drop names
every customer a duplicate is merged into) and must not see a read storing its facts.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Uuid, and_, bindparam, literal, select, union, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from insights.adapters.facts_json import SHAPE, decode_facts, encode
from insights.adapters.orm import (CommunicationFact, CustomerFact, EstimateFact, FactGeneration, FactSnapshot,
                                   InvoiceFact, JobFact, MergeFact, PaymentFact, PlanFact, StatementFact)
from insights.domain.facts import CustomerFacts

# Rows that belong to one customer and are named by their own id in events.
_OWNED = (JobFact, EstimateFact, PlanFact, InvoiceFact, PaymentFact, CommunicationFact, StatementFact)


@dataclass(frozen=True)
class Lookup:
    facts: CustomerFacts | None  # None: never stored, dropped, expired, or stored by another release
    generation: int              # the generation to store freshly loaded facts under (0: never dropped)


# A snapshot row as ``read`` takes it; other reads that fetch it together with more select these columns.
COLUMNS = (FactGeneration.generation.label("current_generation"), FactSnapshot.generation, FactSnapshot.shape,
           FactSnapshot.facts, FactSnapshot.computed_at, FactSnapshot.valid_until)


def joined(statement, account, customer):
    """``statement`` (selecting from a one-row subquery) with the customer's snapshot and generation joined."""
    return (statement
            .outerjoin(FactGeneration,
                       and_(FactGeneration.account_id == account, FactGeneration.customer_id == customer))
            .outerjoin(FactSnapshot, and_(FactSnapshot.account_id == account, FactSnapshot.customer_id == customer)))


def read(row, now: dt.datetime) -> Lookup:
    """What a row of ``COLUMNS`` (None where there is no row) holds for a read at ``now``."""
    current = row.current_generation or 0
    # The lower bound matters when the clock is behind the one that stored them (another host, a test).
    fresh = (row.facts is not None and row.generation == current and row.shape == SHAPE
             and row.computed_at <= now < row.valid_until)
    return Lookup(decode_facts(row.facts) if fresh else None, current)


_ACCOUNT, _CUSTOMER = bindparam("account", type_=Uuid), bindparam("customer", type_=Uuid)
_LOOKUP = joined(select(*COLUMNS).select_from(select(literal(1)).subquery()), _ACCOUNT, _CUSTOMER)


def lookup(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> Lookup:
    row = session.connection().execute(_LOOKUP, {"account": session.info["account_id"], "customer": customer_id}).one()
    return read(row, now)


def store(session: Session, customer_id: uuid.UUID, facts: CustomerFacts, *, generation: int, now: dt.datetime,
          valid_until: dt.datetime) -> bool:
    """Keeps ``facts`` as loaded under ``generation``; False when a reader under a later one already stored."""
    values = {"generation": generation, "shape": SHAPE, "facts": encode(facts), "computed_at": now,
              "valid_until": valid_until}
    stmt = insert(FactSnapshot).values(account_id=session.info["account_id"], customer_id=customer_id, **values)
    stmt = stmt.on_conflict_do_update(index_elements=[FactSnapshot.customer_id, FactSnapshot.account_id],
                                      set_=values, where=FactSnapshot.generation <= generation)
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
    stmt = insert(FactGeneration).from_select(["account_id", "customer_id", "generation"], customers)
    return stmt.on_conflict_do_update(index_elements=[FactGeneration.customer_id, FactGeneration.account_id],
                                      set_={"generation": FactGeneration.generation + 1})


# Built once: building it costs more than running it, and it runs for every event.
_DROP_AFFECTED = _drop_affected_statement()


def drop_affected(session: Session, named: Collection[uuid.UUID]) -> None:
    """Drops the snapshots of every customer whose facts a change to the rows ``named`` may alter.

    Those are the customers named, the owners of the rows named (and of the plans of the jobs
    named), and every customer they are merged into, transitively (a target's facts include its
    duplicates'). Merges are followed
    whether undone or not, and owners are read as they are before the change: a superset is safe.
    A generation is raised for each, even where nothing was stored yet, so a reader loading at this
    moment stores its facts under a generation that is no longer current.
    """
    # On the connection, so without an autoflush: an owner only the session knows of yet was named by an
    # earlier event of this transaction, whose own drop already covered it.
    if named:
        session.connection().execute(_DROP_AFFECTED, {"account": session.info["account_id"], "ids": list(named)})


def drop_all(session: Session) -> None:
    """Drops every snapshot of the session's account (a rebuild), and marks every customer as dropped."""
    account = session.info["account_id"]
    session.execute(update(FactGeneration).where(FactGeneration.account_id == account)
                    .values(generation=FactGeneration.generation + 1))
    customers = select(literal(account), CustomerFact.id, literal(1)).where(CustomerFact.account_id == account)
    session.execute(insert(FactGeneration).from_select(["account_id", "customer_id", "generation"], customers)
                    .on_conflict_do_nothing())
