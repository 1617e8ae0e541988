"""Customer merges: move the duplicate's records to the target, remember exactly which, and move them back on undo."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import insert, literal, select, update
from sqlalchemy.orm import Session

from jobs.adapters.orm import ActivityEntry, Estimate, Job, Merge, MergedRecord, Photo, Plan, Review
from jobs.service_layer.records import recount_open_jobs

# What a merge moves; timeline entries follow the records they describe.
MOVED = {"jobs": Job, "estimates": Estimate, "plans": Plan, "photos": Photo, "reviews": Review}


def merge(session: Session, *, merge_id: uuid.UUID, duplicate_id: uuid.UUID, target_id: uuid.UUID) -> bool:
    """Moves everything of ``duplicate_id`` to ``target_id``; False when this merge was applied before."""
    if session.get(Merge, merge_id) is not None:
        return False
    account_id = session.info["account_id"]
    session.add(Merge(merge_id=merge_id, duplicate_id=duplicate_id, target_id=target_id))
    session.flush()
    for name, model in MOVED.items():
        session.execute(insert(MergedRecord).from_select(
            ["merge_id", "table_name", "record_id", "account_id"],
            select(literal(merge_id), literal(name), model.id, model.account_id)
            .where(model.account_id == account_id, model.customer_id == duplicate_id)))
        session.execute(update(model).where(model.id.in_(_moved_ids(merge_id, name)))
                        .values(customer_id=target_id), execution_options={"synchronize_session": False})
    session.execute(update(ActivityEntry).where(ActivityEntry.customer_id == duplicate_id)
                    .values(customer_id=target_id), execution_options={"synchronize_session": False})
    recount_open_jobs(session, duplicate_id)
    recount_open_jobs(session, target_id)
    return True


def unmerge(session: Session, *, merge_id: uuid.UUID, at: dt.datetime) -> bool:
    """Moves back exactly what ``merge_id`` moved; False when there is nothing (left) to undo."""
    record = session.get(Merge, merge_id, with_for_update=True)
    if record is None or record.unmerged_at is not None:
        return False
    for name, model in MOVED.items():
        session.execute(update(model).where(model.id.in_(_moved_ids(merge_id, name)),
                                            model.customer_id == record.target_id)
                        .values(customer_id=record.duplicate_id), execution_options={"synchronize_session": False})
    moved = select(MergedRecord.record_id).where(MergedRecord.merge_id == merge_id)
    session.execute(update(ActivityEntry).where(ActivityEntry.record_id.in_(moved),
                                                ActivityEntry.customer_id == record.target_id)
                    .values(customer_id=record.duplicate_id), execution_options={"synchronize_session": False})
    record.unmerged_at = at
    recount_open_jobs(session, record.duplicate_id)
    recount_open_jobs(session, record.target_id)
    return True


def _moved_ids(merge_id: uuid.UUID, name: str):
    return select(MergedRecord.record_id).where(MergedRecord.merge_id == merge_id, MergedRecord.table_name == name)
