"""Merge a duplicate into a target and undo it: rows are re-pointed, the audit trail says exactly which."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from chassis.db import found
from chassis.errors import ValidationFailed
from chassis.messaging import emit
from customers.adapters.orm import Contact, Customer, Merge, Note, Property, Tag
from customers.domain.merging import MergePlan, check_merge, check_undo, plan_merge
from customers.domain.snapshot import customer_snapshot
from customers.service_layer import publishing
from customers.service_layer.commands import MergeCustomer
from customers.service_layer.customer_changes import publish_update
from customers.service_layer.relations import move_on_merge


def _ids(values) -> list[uuid.UUID]:
    return [uuid.UUID(str(v)) for v in values]


def _move(session: Session, model, ids: list[uuid.UUID], to: uuid.UUID, **values) -> None:
    if ids:
        session.execute(update(model).where(model.id.in_(ids)).values(customer_id=to, **values))


def merge(session: Session, target: Customer, command: MergeCustomer, *, by: str, now: dt.datetime) -> Merge:
    duplicate = session.get(Customer, command.duplicate_id, with_for_update=True)
    if duplicate is None:
        raise ValidationFailed({"duplicate_id": ["No such customer in this account."]})
    check_merge(target, duplicate)
    plan = plan_merge(target, duplicate)
    before_target, before_duplicate = customer_snapshot(target), customer_snapshot(duplicate)

    # Moved rows join the target as secondary: the target keeps its own primary contact and property.
    _move(session, Contact, _ids(c["id"] for c in plan.contacts), target.id, is_primary=False)
    _move(session, Property, _ids(p["id"] for p in plan.properties), target.id, is_primary=False)
    _move(session, Note, _ids(plan.notes), target.id)
    _move(session, Tag, _ids(plan.tags_moved), target.id)
    move_on_merge(session, duplicate.id, target.id)  # not given back by undo: links are re-made by hand
    for tag in [t for t in duplicate.tags if t.name in plan.tags_dropped]:
        duplicate.tags.remove(tag)
    duplicate.merged_into = target.id
    record = Merge(target_id=target.id, duplicate_id=duplicate.id, merged_by=by, merged_at=now, moved=plan.as_dict())
    session.add(record)
    session.flush()
    session.expire(target, ["tags"])
    session.expire(duplicate, ["tags"])

    publish_update(session, duplicate, before_duplicate)
    publish_update(session, target, before_target)
    emit(session, publishing.customer_merged(record))
    return record


def undo_merge(session: Session, merge_id: uuid.UUID, *, by: str, now: dt.datetime) -> Merge:
    record = found(session, Merge, merge_id, "merge", with_for_update=True)
    target = session.get(Customer, record.target_id, with_for_update=True)
    duplicate = session.get(Customer, record.duplicate_id, with_for_update=True)
    check_undo(record, target, duplicate)
    plan = MergePlan.from_dict(record.moved)
    before_target, before_duplicate = customer_snapshot(target), customer_snapshot(duplicate)

    for kind, model in (("contacts", Contact), ("properties", Property)):
        moved = getattr(plan, kind)
        _move(session, model, _ids(m["id"] for m in moved if not m["was_primary"]), duplicate.id, is_primary=False)
        _move(session, model, _ids(m["id"] for m in moved if m["was_primary"]), duplicate.id, is_primary=True)
    _move(session, Note, _ids(plan.notes), duplicate.id)
    _move(session, Tag, _ids(plan.tags_moved), duplicate.id)
    for name in plan.tags_dropped:
        session.add(Tag(customer_id=duplicate.id, name=name))
    duplicate.merged_into = None
    record.undone_at, record.undone_by = now, by
    session.flush()
    session.expire(target, ["tags"])
    session.expire(duplicate, ["tags"])

    publish_update(session, duplicate, before_duplicate)
    publish_update(session, target, before_target)
    emit(session, publishing.customer_unmerged(record))
    return record
