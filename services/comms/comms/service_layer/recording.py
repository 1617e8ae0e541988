"""Keeping a communication that happened (logged by hand, received, or sent) and announcing it."""
from __future__ import annotations

from sqlalchemy.orm import Session

from chassis.messaging import emit

from comms.adapters.orm import Communication
from comms.service_layer import publishing


def record(session: Session, comm: Communication) -> Communication:
    """Stores a communication that happened and announces it."""
    session.add(comm)
    session.flush()
    emit(session, publishing.communication_logged(comm), account_id=comm.account_id)
    return comm
