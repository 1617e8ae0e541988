"""The one place communication.logged is built (fieldwork_contracts.comms: no bodies or numbers leave comms)."""
from __future__ import annotations

from fieldwork_contracts.comms import CommunicationLogged, CommunicationShape, HandledBy
from sqlalchemy.orm import Session

from chassis.messaging import emit

from comms.adapters.orm import Communication


def communication_logged(session: Session, comm: Communication) -> None:
    emit(session, CommunicationLogged(communication=CommunicationShape(
        id=comm.id, customer_id=comm.customer_id, channel=comm.channel, direction=comm.direction,
        handled_by=HandledBy(kind=comm.handled_by_kind, id=comm.handled_by_id), status=comm.status,
        occurred_at=comm.occurred_at, thread_id=comm.thread_id, subject=comm.subject,
        duration_seconds=comm.duration_seconds)), account_id=comm.account_id)


def record(session: Session, comm: Communication) -> Communication:
    """Stores a communication that happened (logged by hand, received, or sent) and announces it."""
    session.add(comm)
    session.flush()
    communication_logged(session, comm)
    return comm
