"""Past jobs from another system's history (``history.imported``): each kept once as a completed job of its customer,
marked with the system it came from, numbered and announced like any new job."""
from __future__ import annotations

import datetime as dt
import uuid

from fieldwork_contracts.customers import ImportedJob
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.customer_directory import properties_of, surviving
from chassis.db import next_number
from chassis.messaging import emit
from jobs.adapters.orm import Job
from jobs.service_layer import publishing
from jobs.service_layer.records import add_activity, record_changes

BY = "system:history.imported"
# A past day alone is kept as noon UTC: it reads as that same calendar day in every time zone the office may be in.
_NOON_UTC = dt.time(12, tzinfo=dt.timezone.utc)
# Our own jobs are completed only from in progress; the completion event says so for an imported one too, so a
# consumer that follows completions (insights' last service) reads it like any other.
_COMPLETED_FROM = "in_progress"


def past_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, _NOON_UTC)


def keep_past_job(session: Session, *, customer_id: uuid.UUID, source: str, job: ImportedJob, currency: str | None,
                  now: dt.datetime) -> Job | None:
    """The imported job ``job`` (the event's ``job``), or None when its id is kept already (the same row
    imported again, or the same event sent again under a new id).

    The customer is the producer's word: customers sent it, so it is one of the account's even when no snapshot of
    it has arrived here yet (and a consumer has no user's token to ask with). A customer merged away meanwhile files
    the job under the customer it was merged into, as the merge did with the rest of its work. A property this
    service does not know as that customer's is dropped, never a reason to refuse a past job."""
    if session.get(Job, job.id) is not None:
        return None
    customer_id = surviving(session, customer_id)
    prop = _customers_property(session, customer_id, job.property_id)
    completed_at = past_day(job.completed_on)
    kept = Job(id=job.id, number=next_number(session, "job", prefix="J-"), customer_id=customer_id,
               property_id=prop.id if prop else None, property_address=prop.one_line if prop else None,
               title=job.title, description=job.description, status="completed", line_items=[], total_cents=0,
               currency=currency or "USD", completed_at=completed_at, technician_ids=[],
               # Their technician is a name only: no technician record of ours stands behind it.
               technicians=[job.technician] if job.technician else [],
               imported_from=source, source_number=job.source_number, created_by=BY, created_at=now,
               updated_at=now)
    session.add(kept)
    session.flush()
    record_changes(session, "job", kept, {"status": (None, "completed")}, BY, now)
    # Completed, so the open-job tally does not move.
    add_activity(session, customer_id=customer_id, record_id=kept.id, kind="job", at=completed_at,
                 title=f"Job {kept.number} imported from {source}: {kept.title}", summary=kept.property_address,
                 status=kept.status, amount_cents=kept.total_cents, currency=kept.currency,
                 link=api_link(f"/jobs/{kept.id}"))
    emit(session, publishing.job_created(kept))
    emit(session, publishing.job_status_changed(kept, _COMPLETED_FROM, completed_at))
    return kept


def _customers_property(session: Session, customer_id: uuid.UUID, property_id: uuid.UUID | None):
    if property_id is None:
        return None
    return next((prop for prop in properties_of(session, customer_id) if prop.id == property_id), None)
