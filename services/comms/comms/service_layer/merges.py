"""Customer merges: the duplicate's communications and threads go to the target, and back on undo.

What a merge moved is written down by merge id, so undoing it moves back exactly that (not what
was logged on the target since), and an event redelivered under a new id moves nothing twice.
"""
from __future__ import annotations

import uuid

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from comms.adapters.orm import Communication, Merge, MergeMove, SmsThread

_MOVABLE = (("communication", Communication), ("sms_thread", SmsThread))


def apply_merge(session: Session, merge_id: uuid.UUID, duplicate_id: uuid.UUID, target_id: uuid.UUID) -> int:
    """Moves the duplicate's records to the target; returns how many moved (0 when this merge was seen)."""
    if session.get(Merge, merge_id, with_for_update=True) is not None:
        return 0  # applied already, or undone before it arrived (events can come out of order)
    session.add(Merge(merge_id=merge_id, duplicate_id=duplicate_id, target_id=target_id, state="merged"))
    moved = 0
    for kind, model in _MOVABLE:
        ids = list(session.scalars(update(model).where(model.customer_id == duplicate_id)
                                   .values(customer_id=target_id).returning(model.id)))
        session.add_all(MergeMove(merge_id=merge_id, record_kind=kind, record_id=i) for i in ids)
        moved += len(ids)
    session.flush()
    return moved


def undo_merge(session: Session, merge_id: uuid.UUID, duplicate_id: uuid.UUID, target_id: uuid.UUID) -> int:
    """Gives the duplicate back what ``merge_id`` moved; returns how many records moved back."""
    merge = session.get(Merge, merge_id, with_for_update=True)
    if merge is None:
        # The undo overtook the merge: remember it so the late merge changes nothing.
        session.add(Merge(merge_id=merge_id, duplicate_id=duplicate_id, target_id=target_id, state="undone"))
        session.flush()
        return 0
    if merge.state == "undone":
        return 0
    moved = 0
    for kind, model in _MOVABLE:
        ids = select(MergeMove.record_id).where(MergeMove.merge_id == merge_id, MergeMove.record_kind == kind)
        moved_back = session.scalars(update(model).where(model.id.in_(ids), model.customer_id == merge.target_id)
                                     .values(customer_id=merge.duplicate_id).returning(model.id)).all()
        moved += len(moved_back)
    session.execute(delete(MergeMove).where(MergeMove.merge_id == merge_id))
    merge.state = "undone"
    session.flush()
    return moved
