"""A customer's facts for a read: the stored snapshot while it holds, else loaded from the read model and stored."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from insights.adapters import fact_snapshots
from insights.adapters.queries import load_facts, stable_until
from insights.domain.facts import CustomerFacts


def customer_facts(session: Session, customer_id: uuid.UUID, now: dt.datetime,
                   cached: fact_snapshots.Lookup | None = None) -> CustomerFacts | None:
    """None when the account has never heard of the customer (nothing is stored for it then).

    ``cached`` is the snapshot as the caller already read it in this transaction, if it did.
    """
    if cached is None:
        cached = fact_snapshots.lookup(session, customer_id, now)
    if cached.facts is not None:
        return cached.facts
    facts = load_facts(session, customer_id, now)
    if facts is not None:
        fact_snapshots.store(session, customer_id, facts, generation=cached.generation, now=now,
                             valid_until=stable_until(facts, now))
    return facts
