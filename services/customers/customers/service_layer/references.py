"""What a note may refer to: a communication of the same customer (or of a duplicate merged into it).

Communications are the comms service's: customers keeps their ids and customers from ``communication.logged``
(``COMMUNICATIONS.handlers``) and asks the comms API about an id not heard of yet."""
from __future__ import annotations

import uuid

from fieldwork_contracts.comms import CommunicationLogged
from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.references import CallersApi, KeptRecords, require_reference
from customers.adapters.orm import Customer


def _merged_into(session: Session, customer_id: uuid.UUID) -> uuid.UUID | None:
    # This service owns the merges: its own rows say where a customer went, no directory needed.
    return session.scalar(select(Customer.merged_into).where(Customer.id == customer_id))


COMMUNICATIONS = KeptRecords("communication", merged_into=_merged_into)
COMMUNICATIONS.keep_from(CommunicationLogged, lambda logged: logged.communication)


def check_communication(session: Session, customer_id: uuid.UUID, communication_id: uuid.UUID | None,
                        comms_api: CallersApi) -> None:
    """422 on ``communication_id`` unless it is one of the customer's communications in this account; ``comms_api``
    is asked about one not kept here as the customer's."""
    if communication_id is not None:
        require_reference(session, COMMUNICATIONS, communication_id, comms_api, customer_id=customer_id,
                          field="communication_id")
