"""Merging a duplicate customer into a target, so that it can be undone exactly.

A merge moves rows (re-points them); it never copies or deletes data, except a duplicate's tag
the target already has, which is remembered by name and given back on undo. The plan records,
for every row moved, what must be restored: its id and whether it was the duplicate's primary.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from chassis.errors import Conflict, ValidationFailed


@dataclass
class MergePlan:
    contacts: list[dict] = field(default_factory=list)      # [{"id", "was_primary"}]
    properties: list[dict] = field(default_factory=list)    # [{"id", "was_primary"}]
    notes: list[str] = field(default_factory=list)
    tags_moved: list[str] = field(default_factory=list)     # tag row ids now on the target
    tags_dropped: list[str] = field(default_factory=list)   # names the target already had

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "MergePlan":
        return cls(**data)


def check_merge(target, duplicate) -> None:
    """Refuses what must not be merged, with a message that says why."""
    if duplicate.id == target.id:
        raise ValidationFailed({"duplicate_id": ["A customer cannot be merged into itself."]})
    if target.merged_into is not None:
        raise Conflict(f"The target was itself merged into {target.merged_into}; merge into that customer.")
    if target.archived_at is not None:
        raise Conflict("The target is archived; unarchive it before merging into it.")
    if duplicate.merged_into is not None:
        raise Conflict(f"That duplicate was already merged into {duplicate.merged_into}.")


def plan_merge(target, duplicate) -> MergePlan:
    """What moves from ``duplicate`` to ``target`` (objects with contacts, properties, notes, tags)."""
    target_tags = {t.name.lower() for t in target.tags}
    plan = MergePlan(
        contacts=[{"id": str(c.id), "was_primary": c.is_primary} for c in duplicate.contacts],
        properties=[{"id": str(p.id), "was_primary": p.is_primary} for p in duplicate.properties],
        notes=[str(n.id) for n in duplicate.notes],
    )
    for tag in duplicate.tags:
        if tag.name.lower() in target_tags:
            plan.tags_dropped.append(tag.name)
        else:
            plan.tags_moved.append(str(tag.id))
    return plan


def check_undo(merge, target, duplicate) -> None:
    if merge.undone_at is not None:
        raise Conflict("This merge was already undone.")
    if target.merged_into is not None:
        raise Conflict(f"The target was merged into {target.merged_into} since; undo that merge first.")
    if duplicate.merged_into != target.id:
        raise Conflict("The duplicate is no longer merged into the target.")
