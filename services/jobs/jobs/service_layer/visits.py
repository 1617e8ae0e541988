"""Visits within a job: a job that takes several trips keeps each one, with its time, crew and outcome."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.db import found
from chassis.errors import Conflict, NotFound
from jobs.adapters.orm import Job, Visit
from jobs.domain.lifecycle import JOB
from jobs.domain.schedule import check_moved_at, check_window
from jobs.service_layer.commands import AddVisit, MoveStatus
from jobs.service_layer.records import record_changes
from jobs.service_layer.technicians import crew

VISIT_MOVES = {"scheduled": {"completed", "cancelled"}, "completed": set(), "cancelled": set()}


def add_visit(session: Session, job: Job, command: AddVisit, *, by: str, now: dt.datetime) -> Visit:
    if not JOB.is_open(job.status):
        raise Conflict(f"A {job.status} job takes no more visits.")
    check_window(command.scheduled_start, command.scheduled_end)
    ids, names = crew(session, list(command.technician_ids))
    visit = Visit(id=uuid.uuid4(), job_id=job.id, customer_id=job.customer_id,
                  scheduled_start=command.scheduled_start, scheduled_end=command.scheduled_end, status="scheduled",
                  technician_ids=ids, technicians=names, notes=command.notes, created_by=by, created_at=now)
    session.add(visit)
    session.flush()
    record_changes(session, "job", job, {"visit": (None, _shown(visit))}, by, now)
    return visit


def load_visit(session: Session, job_id: uuid.UUID, visit_id: uuid.UUID, *, for_update: bool = False) -> Visit:
    visit = found(session, Visit, visit_id, "visit of this job", with_for_update=for_update)
    if visit.job_id != job_id:
        raise NotFound("No such visit of this job.")
    return visit


def move_visit(session: Session, job: Job, visit: Visit, move: MoveStatus, *, by: str,
               now: dt.datetime) -> Visit:
    """Marks a visit made (at ``move.happened_at`` when it really was, else now) or cancelled; the job's history
    keeps it."""
    to, at = move.to, move.happened_at
    if to not in VISIT_MOVES[visit.status]:
        raise Conflict(f"A {visit.status} visit cannot become {to}.")
    if at is not None:
        check_moved_at(at, now)
    before = _shown(visit)
    visit.status = to
    if to == "completed":
        visit.completed_at = at or now
    record_changes(session, "job", job, {"visit": (before, _shown(visit))}, by, now)
    return visit


def _shown(visit: Visit) -> dict:
    """A visit as the job's history shows it."""
    return {"id": str(visit.id), "scheduled_start": visit.scheduled_start.isoformat(), "status": visit.status,
            "technicians": visit.technicians}
