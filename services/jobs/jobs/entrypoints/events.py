"""Handlers for the events the jobs service consumes (the chassis applies each once, with its inbox row)."""
from __future__ import annotations

import uuid

from fieldwork_contracts.customers import CustomerErased
from sqlalchemy.orm import Session

from chassis import customer_directory, do_not_service
from chassis.messaging import Event, Handlers
from jobs.service_layer import erasure, imports, merges, plans

handlers = Handlers().include(customer_directory.handlers).include(do_not_service.handlers)
handlers.include(merges.MERGES.handlers)  # customer.merged and customer.unmerged


@handlers.on("customer.created")
@handlers.on("customer.updated")
def on_customer_snapshot(session: Session, event: Event) -> None:
    """A customer flagged do-not-service gets no more plan visits: their active plans pause. Only when the flag is
    set: a plan activated since by an explicit override stays active through the customer's other changes."""
    flag_set = "changed" not in event.data or "do_not_service" in event.data["changed"]
    if event.data["customer"].get("do_not_service") and flag_set:
        plans.pause_active_plans(session, uuid.UUID(event.data["customer"]["id"]), actor="system:do-not-service",
                                 at=event.occurred_at)


@handlers.on("customer.archived")
def on_customer_archived(session: Session, event: Event) -> None:
    plans.pause_active_plans(session, uuid.UUID(event.data["customer_id"]), actor="system:customer.archived",
                             at=event.occurred_at)


@handlers.on("customer.erased", adapters=("photo_storage",))
def on_customer_erased(session: Session, event: Event, photo_storage) -> None:
    erasure.erase_customer(session, photo_storage, CustomerErased.from_data(event.data))


@handlers.on("history.imported")
def on_history_imported(session: Session, event: Event) -> None:
    """A row of a past system's history: its job, when it has one, is kept (its invoice is billing's)."""
    data = event.data
    if data["job"] is None:
        return
    invoice = data["invoice"]
    imports.keep_past_job(session, customer_id=uuid.UUID(data["customer_id"]), source=data["source"], job=data["job"],
                          currency=invoice["currency"] if invoice else None, at=event.occurred_at)
