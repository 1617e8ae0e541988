"""What an invoice may refer to: a property of its customer and a job of its customer (422 on the field otherwise).

Jobs are the jobs service's: billing keeps their ids and customers from ``job.created`` (``JOBS.handlers``) and
asks the jobs API about an id not heard of yet."""
from __future__ import annotations

import uuid

from fieldwork_contracts.jobs import JobCreated
from sqlalchemy.orm import Session

from billing.service_layer.commands import CreateInvoice, ReviseDraft
from chassis.customer_directory import require_property
from chassis.references import CallersApi, KeptRecords, require_reference

JOBS = KeptRecords("job")
JOBS.keep_from(JobCreated, lambda created: created.job)


def check_references(session: Session, command: CreateInvoice | ReviseDraft, customer_id: uuid.UUID, *,
                     customers: CallersApi, jobs: CallersApi) -> None:
    """Checks the ``property_id`` and ``job_id`` an invoice names (a new invoice's or a draft's changes): those set,
    neither None nor UNSET (not sent), both falsy. ``customers`` and ``jobs`` are asked about ids not heard of by
    event yet."""
    if command.property_id:
        require_property(session, command.property_id, customer_id, customers)
    if command.job_id:
        require_reference(session, JOBS, command.job_id, jobs, customer_id=customer_id, field="job_id")
