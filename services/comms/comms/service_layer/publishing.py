"""The one place communication.logged is built (fieldwork_contracts.comms: no bodies or numbers leave comms); the
callers emit it, with the communication's account: ``emit(session, communication_logged(comm), account_id=...)``."""
from __future__ import annotations

from fieldwork_contracts.comms import CommunicationLogged, CommunicationShape, HandledBy

from comms.adapters.orm import Communication


def communication_logged(comm: Communication) -> CommunicationLogged:
    return CommunicationLogged(communication=CommunicationShape(
        id=comm.id, customer_id=comm.customer_id, channel=comm.channel, direction=comm.direction,
        handled_by=HandledBy(kind=comm.handled_by_kind, id=comm.handled_by_id), status=comm.status,
        occurred_at=comm.occurred_at, thread_id=comm.thread_id, subject=comm.subject,
        duration_seconds=comm.duration_seconds))
