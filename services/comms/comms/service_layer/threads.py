"""SMS threads: every text to or from one number belongs to that number's thread."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from comms.adapters.orm import SmsThread
from comms.domain.communication import snippet


def touch_thread(session: Session, counterpart: str, customer_id: uuid.UUID | None, occurred_at: dt.datetime,
                 text: str | None) -> SmsThread:
    """The thread with ``counterpart`` (made on first contact), moved to the top by this message."""
    account_id = session.info["account_id"]
    # Two webhooks from a new number can arrive together: the unique index makes one of them the creator.
    session.execute(insert(SmsThread).values(
        id=uuid.uuid4(), account_id=account_id, counterpart=counterpart, customer_id=customer_id,
        last_message_at=occurred_at, last_snippet=snippet(text, 160),
    ).on_conflict_do_nothing(index_elements=[SmsThread.account_id, SmsThread.counterpart]))
    thread = session.scalars(select(SmsThread).where(SmsThread.counterpart == counterpart)
                             .with_for_update()).one()
    if occurred_at >= thread.last_message_at:
        thread.last_message_at, thread.last_snippet = occurred_at, snippet(text, 160)
    if thread.customer_id is None and customer_id is not None:
        thread.customer_id = customer_id
    session.flush()
    return thread


def reassign_threads(session: Session, thread_ids: list[uuid.UUID], customer_id: uuid.UUID | None) -> None:
    if thread_ids:
        session.execute(update(SmsThread).where(SmsThread.id.in_(thread_ids)).values(customer_id=customer_id))
