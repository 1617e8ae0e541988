"""Assigning an unmatched message to a customer: the whole conversation with that number goes with it."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.customer_directory import require_customer
from chassis.db import found
from chassis.errors import Conflict
from chassis.messaging import emit
from chassis.references import CallersApi

from comms.adapters.orm import Communication
from comms.service_layer import publishing
from comms.service_layer.commands import AssignCommunication
from comms.service_layer.threads import reassign_threads


def assign(session: Session, communication_id: uuid.UUID, command: AssignCommunication,
           customers: CallersApi) -> Communication:
    """``customers`` is asked about a customer not heard of by event yet."""
    comm = found(session, Communication, communication_id, "communication", with_for_update=True)
    if comm.customer_id is not None:
        raise Conflict("This communication already belongs to a customer.")
    customer = require_customer(session, command.customer_id, customers, allow_archived=True)
    others = []
    if comm.thread_id is not None:
        others = list(session.scalars(select(Communication).where(
            Communication.thread_id == comm.thread_id, Communication.customer_id.is_(None),
            Communication.id != comm.id).with_for_update()))
        reassign_threads(session, [comm.thread_id], customer.id)
    for item in [comm, *others]:
        item.customer_id = customer.id
    session.flush()
    for item in [comm, *others]:
        if item.status != "queued":  # a queued send is announced when it goes out
            emit(session, publishing.communication_logged(item), account_id=item.account_id)
    return comm
