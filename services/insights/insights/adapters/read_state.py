"""Everything stored that one read of a customer's insights needs, in a single round trip.

The read is the customer workspace's, under a tight deadline, and each statement costs a round trip
plus the ORM's Python: so the customer's fact snapshot, the account's thresholds and OpenAI
connection, and the customer's cached AI answer come back as one row of outer joins. It runs on
the connection, past the ORM's account scoping, so every join spells the account out.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Uuid, and_, bindparam, literal, select
from sqlalchemy.orm import Session

from insights.adapters import fact_snapshots
from insights.adapters.orm import AIAnswer, OpenAISetting, ThresholdSetting


@dataclass(frozen=True)
class OpenAIConnection:
    model: str
    encrypted_key: bytes


@dataclass(frozen=True)
class StoredAnswer:
    input_hash: str
    answer: dict


@dataclass(frozen=True)
class ReadState:
    snapshot: fact_snapshots.Lookup
    thresholds: dict | None          # as stored; None: the defaults
    openai: OpenAIConnection | None  # None: not connected
    ai_answer: StoredAnswer | None


_ACCOUNT, _CUSTOMER = bindparam("account", type_=Uuid), bindparam("customer", type_=Uuid)
# Built once: building it costs about as much as running it.
_READ = (fact_snapshots.joined(select(*fact_snapshots.COLUMNS, ThresholdSetting.values, OpenAISetting.model,
                                       OpenAISetting.encrypted_key, AIAnswer.input_hash, AIAnswer.answer)
                                .select_from(select(literal(1)).subquery()), _ACCOUNT, _CUSTOMER)
         .outerjoin(ThresholdSetting, ThresholdSetting.account_id == _ACCOUNT)
         .outerjoin(OpenAISetting, OpenAISetting.account_id == _ACCOUNT)
         .outerjoin(AIAnswer, and_(AIAnswer.account_id == _ACCOUNT, AIAnswer.customer_id == _CUSTOMER)))


def read_state(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> ReadState:
    row = session.connection().execute(_READ, {"account": session.info["account_id"], "customer": customer_id}).one()
    return ReadState(
        snapshot=fact_snapshots.read(row, now), thresholds=row.values,
        openai=OpenAIConnection(row.model, row.encrypted_key) if row.model is not None else None,
        ai_answer=StoredAnswer(row.input_hash, row.answer) if row.input_hash is not None else None)
