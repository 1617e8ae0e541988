"""Job use cases: open a job (by hand, from an estimate or a plan visit), edit it, move its status."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.db import found, next_number
from chassis.errors import Conflict
from chassis.messaging import emit
from jobs.adapters.orm import Job
from jobs.domain.lifecycle import JOB
from jobs.domain.money import price_line_items
from jobs.domain.schedule import check_moved_at, check_schedulable, check_window
from jobs.service_layer import publishing
from chassis.commands import sent
from jobs.service_layer.commands import EditJob, MoveStatus, OpenJob
from jobs.service_layer.records import add_activity, adjust_open_jobs, apply_edits, record_changes

# Fields that may still change once a job is completed or cancelled: the office keeps writing notes.
_EDITABLE_WHEN_CLOSED = {"notes"}


def load_job(session: Session, job_id: uuid.UUID, *, for_update: bool = False) -> Job:
    return found(session, Job, job_id, "job", with_for_update=for_update)


def open_job(session: Session, command: OpenJob, *, by: str, now: dt.datetime) -> Job:
    """Creates a job as draft, or scheduled when it has a start time (unless the command's status says otherwise)."""
    start = command.scheduled_start
    check_window(start, command.scheduled_end)
    status = command.status or ("scheduled" if start else "draft")
    if status == "scheduled":
        check_schedulable(start)
    priced, total = price_line_items(command.line_items)
    details = {name: value for name, value in vars(command).items()
               if name not in ("status", "line_items", "technician_ids", "technicians", "do_not_service_override")}
    job = Job(id=uuid.uuid4(), number=next_number(session, "job", prefix="J-"), status=status, line_items=priced,
              total_cents=total, technician_ids=list(command.technician_ids), technicians=list(command.technicians),
              created_by=by, created_at=now, updated_at=now, **details)
    session.add(job)
    session.flush()
    record_changes(session, "job", job, {"status": (None, status)}, by, now)
    adjust_open_jobs(session, command.customer_id, 1 if JOB.is_open(status) else 0)
    _timeline(session, job, now, f"Job {job.number} created: {job.title}")
    emit(session, publishing.job_created(job))
    return job


def edit_job(session: Session, job: Job, command: EditJob, *, by: str, now: dt.datetime) -> Job:
    changes = sent(command)
    if not JOB.is_open(job.status) and set(changes) - _EDITABLE_WHEN_CLOSED:
        raise Conflict(f"A {job.status} job can only have its notes changed.")
    start = changes.get("scheduled_start", job.scheduled_start)
    check_window(start, changes.get("scheduled_end", job.scheduled_end))
    if job.status == "scheduled":
        check_schedulable(start)
    apply_edits(session, "job", job, changes, by, now)
    return job


def move_job(session: Session, job: Job, move: MoveStatus, *, by: str, now: dt.datetime) -> Job:
    """Moves a job's status, dated ``move.happened_at`` (when it really happened) or ``now``."""
    to, at = move.to, move.happened_at
    JOB.check(job.status, to)
    if to == "scheduled":
        check_schedulable(job.scheduled_start)
    if at is not None:
        check_moved_at(at, now, started_at=job.started_at if to == "completed" else None)
    at = at or now
    old = job.status
    job.status, job.updated_at = to, now
    if to == "in_progress":
        job.started_at = at
    elif to == "completed":
        job.completed_at = at
    elif to == "cancelled":
        job.cancelled_at = at
    record_changes(session, "job", job, {"status": (old, to)}, by, at)
    adjust_open_jobs(session, job.customer_id, -1 if JOB.is_open(old) and not JOB.is_open(to) else 0)
    _timeline(session, job, at, f"Job {job.number} {to.replace('_', ' ')}: {job.title}")
    emit(session, publishing.job_status_changed(job, old, at))
    return job


def _timeline(session: Session, job: Job, at: dt.datetime, title: str) -> None:
    add_activity(session, customer_id=job.customer_id, record_id=job.id, kind="job", at=at, title=title,
                 summary=job.property_address, status=job.status, amount_cents=job.total_cents,
                 currency=job.currency, link=api_link(f"/jobs/{job.id}"))
