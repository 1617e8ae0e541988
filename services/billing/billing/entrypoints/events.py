"""The events billing consumes: customer snapshots (the shared directory), merges and unmerges, new jobs (the
ids an invoice's job_id is checked against) and past invoices imported from another system."""
from __future__ import annotations

from fieldwork_contracts.customers import CustomerErased, HistoryImported
from billing.service_layer import erasure, imports, merges
from billing.service_layer.references import JOBS
from chassis import customer_directory
from chassis.messaging import Handlers
from chassis.messaging.event import utcnow

handlers = Handlers().include(customer_directory.handlers).include(JOBS.handlers)
handlers.include(merges.MERGES.handlers)  # customer.merged and customer.unmerged


@handlers.on("customer.erased")
def on_erased(session, event) -> None:
    erasure.erase_customer(session, CustomerErased.from_data(event.data))


@handlers.on("history.imported")
def on_history_imported(session, event) -> None:
    # now, not the event's time: the balance figures told are as of when they change here
    imports.import_invoice(session, HistoryImported.from_data(event.data), now=utcnow())
