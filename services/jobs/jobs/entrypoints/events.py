"""Handlers for the events the jobs service consumes (the chassis applies each once, with its inbox row)."""
from __future__ import annotations

from fieldwork_contracts import event_class
from fieldwork_contracts.customers import CustomerArchived, CustomerErased, CustomerUpdated, HistoryImported
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
    changed = event_class(event.type, event.version).from_data(event.data)
    flag_set = not isinstance(changed, CustomerUpdated) or "do_not_service" in changed.changed
    if changed.customer.do_not_service and flag_set:
        plans.pause_active_plans(session, changed.customer.id, by="system:do-not-service", now=event.occurred_at)


@handlers.on("customer.archived")
def on_customer_archived(session: Session, event: Event) -> None:
    archived = CustomerArchived.from_data(event.data)
    plans.pause_active_plans(session, archived.customer_id, by="system:customer.archived", now=event.occurred_at)


@handlers.on("customer.erased", adapters=("photo_storage",))
def on_customer_erased(session: Session, event: Event, photo_storage) -> None:
    erasure.erase_customer(session, photo_storage, CustomerErased.from_data(event.data))


@handlers.on("history.imported")
def on_history_imported(session: Session, event: Event) -> None:
    """A row of a past system's history: its job, when it has one, is kept (its invoice is billing's)."""
    row = HistoryImported.from_data(event.data)
    if row.job is None:
        return
    imports.keep_past_job(session, customer_id=row.customer_id, source=row.source, job=row.job,
                          currency=row.invoice.currency if row.invoice else None, now=event.occurred_at)
