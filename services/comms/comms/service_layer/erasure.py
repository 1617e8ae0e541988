"""An erased customer's communications keep that they happened (channel, direction, when, status, who handled them)
and lose what was said and to whom: bodies, subjects, addresses and numbers, call transcripts and recordings, the
notes kept about them, text threads, and the contact points inbound messages were matched by. Messages from those
numbers and addresses still waiting in the unmatched inbox are the person's too; a message still waiting to be sent
is not sent."""
from __future__ import annotations

import uuid

from fieldwork_contracts.customers import CustomerErased
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from comms.adapters.orm import Communication, CommunicationNote, ContactPoint, ContactSource, Delivery, SmsThread
from comms.domain.communication import FAILED, QUEUED, SENDING

NOT_SENT = "Not sent: the customer's personal data was erased."


def _theirs(session: Session, ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """The customer's communications, and those unmatched ones from or to the customer's numbers and addresses."""
    points = list(session.scalars(select(ContactPoint.value).where(ContactPoint.customer_id.in_(ids))))
    unmatched = Communication.customer_id.is_(None) & or_(Communication.from_address.in_(points),
                                                          Communication.to_address.in_(points))
    return list(session.scalars(select(Communication.id).where(or_(Communication.customer_id.in_(ids), unmatched))))


def erase_customer(session: Session, erased: CustomerErased) -> None:
    ids, account_id = erased.ids, session.info["account_id"]
    communications = _theirs(session, ids)
    threads = list(session.scalars(select(SmsThread.id).where(or_(SmsThread.customer_id.in_(ids), SmsThread.id.in_(
        select(Communication.thread_id).where(Communication.id.in_(communications)))))))
    session.execute(update(Communication).where(Communication.thread_id.in_(threads)).values(thread_id=None))
    session.execute(delete(SmsThread).where(SmsThread.id.in_(threads)))
    session.execute(update(Delivery).where(Delivery.communication_id.in_(communications))
                    .values(state="done", last_error=None, attachment=None, withheld=None))
    session.execute(update(Communication).where(Communication.id.in_(communications)).values(
        from_address=None, to_address=None, subject=None, body=None, recording_url=None, transcript=None,
        failure_reason=None))  # a provider's reason may quote the address
    session.execute(update(Communication).where(Communication.id.in_(communications),
                                                Communication.status.in_((QUEUED, SENDING)))
                    .values(status=FAILED, failure_reason=NOT_SENT))
    # The rows stay, emptied: a note.changed arriving late is older than what they hold and changes nothing.
    session.execute(update(CommunicationNote).where(CommunicationNote.communication_id.in_(communications))
                    .values(body="", communication_id=None))
    session.execute(delete(ContactPoint).where(ContactPoint.customer_id.in_(ids)))
    # A snapshot older than the erasure arriving late brings no contact point back.
    for customer_id in ids:
        stmt = insert(ContactSource).values(customer_id=customer_id, account_id=account_id, revision=erased.revision)
        session.execute(stmt.on_conflict_do_update(
            index_elements=[ContactSource.customer_id],
            set_={"revision": func.greatest(ContactSource.revision, erased.revision)},
            where=ContactSource.account_id == account_id))
