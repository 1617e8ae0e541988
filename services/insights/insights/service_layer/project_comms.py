"""Calls, texts and emails into the read model (events of the comms service).

Only channel, direction, status, time and subject are kept: never a number or an address.
"""
from __future__ import annotations

from fieldwork_contracts.comms import CommunicationLogged
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import CommunicationFact
from insights.adapters.rows import locked
from insights.domain.ordering import is_newer
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects


@projects("communication.logged")
def _communication_logged(session: Session, event: Event, logged: CommunicationLogged) -> None:
    item = logged.communication
    if item.customer_id:
        customer_row(session, event.account_id, item.customer_id)
    values = {"customer_id": item.customer_id, "channel": item.channel, "direction": item.direction,
              "status": item.status, "occurred_at": item.occurred_at, "subject": item.subject,
              "reported_at": event.occurred_at}
    # The same message is logged again as it changes (delivered, matched to a customer): the latest report wins.
    row = locked(session, CommunicationFact, {"account_id": event.account_id, "id": item.id, **values})
    if is_newer(event.occurred_at, row.reported_at):
        for key, value in values.items():
            setattr(row, key, value)
