"""Following customer merges: a merge moves the duplicate's records to the target, its undo moves exactly those back.

Every service holding records about customers follows ``customer.merged`` and ``customer.unmerged`` the same way,
so the way lives here once. A service names the tables a merge moves (account-owned, with ``id`` and
``customer_id``) and, where it keeps figures about its customers, hooks run around each merge or undo it applies:

    MERGES = MergeFollower([Job, Estimate], after=recount)   # recount(session, change: FollowedMerge)
    handlers = Handlers().include(MERGES.handlers)

One ``merges`` row per merge id, written by whichever of the merge and its undo arrives first, and the records the
merge moved (``merge_moves``, table and id) make each event count once whatever the broker does: the same merge
again (redelivered, or published again under a new event id) moves nothing; an undo moves back only the recorded
records still on the target (not what was added to the target since, nor what moved on again); an undo that
overtakes its merge is kept, so the late merge moves nothing; and a merge arriving again after its undo moves
nothing either. Concurrent deliveries of one merge id queue on its ``merges`` row, so they cannot both move.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import Select, Table, insert, literal, select, update
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.orm import Session

from chassis.db.schema import merge_moves, merges
from chassis.messaging import Event, Handlers

MERGED, UNDONE = "merged", "undone"


@dataclass(frozen=True)
class FollowedMerge:
    """A merge or an undo the follower is applying, as its hooks see it."""

    account_id: uuid.UUID
    merge_id: uuid.UUID
    duplicate_id: uuid.UUID
    target_id: uuid.UUID
    undo: bool  # False: the duplicate's records are moving to the target; True: the merge's are moving back

    @property
    def customers(self) -> tuple[uuid.UUID, uuid.UUID]:
        """Both customers, in a fixed order: lock them in it, so two merges never wait on each other in a circle."""
        return tuple(sorted((self.duplicate_id, self.target_id)))

    def moved_ids(self, table_name: str | None = None) -> Select:
        """The ids of the records the merge moved (of one table, or of all), as a subquery for the hook's writes."""
        query = select(merge_moves.c.record_id).where(merge_moves.c.account_id == self.account_id,
                                                      merge_moves.c.merge_id == self.merge_id)
        return query.where(merge_moves.c.table_name == table_name) if table_name else query


Hook = Callable[[Session, FollowedMerge], None]


class MergeFollower:
    """Applies a service's share of customer merges and their undoing, each once (see the module's docstring).

    ``moved``: the tables (or ORM models) a merge moves. ``before``: run before any record moves (take locks, defer
    checks the move breaks until commit); ``after``: run once they have moved (recount, move what follows them).
    Neither runs for an event that changes nothing.
    """

    def __init__(self, moved: Iterable, *, before: Hook | None = None, after: Hook | None = None):
        self.tables: tuple[Table, ...] = tuple(getattr(model, "__table__", model) for model in moved)
        self._before, self._after = before, after
        self.handlers = Handlers()
        self.handlers.on("customer.merged")(self._on_merged)
        self.handlers.on("customer.unmerged")(self._on_unmerged)

    def merge(self, session: Session, merge_id: uuid.UUID, duplicate_id: uuid.UUID, target_id: uuid.UUID, *,
              at: dt.datetime) -> bool:
        """Moves the duplicate's records to the target, noting each; False when this merge id was seen before."""
        change = FollowedMerge(session.info["account_id"], merge_id, duplicate_id, target_id, undo=False)
        if not _first_word(session, change, MERGED, at):
            return False  # applied already, or undone before it arrived
        self._run(self._before, session, change)
        for table in self.tables:
            session.execute(_move_and_note(change, table))
        self._run(self._after, session, change)
        return True

    def undo(self, session: Session, merge_id: uuid.UUID, duplicate_id: uuid.UUID, target_id: uuid.UUID, *,
             at: dt.datetime) -> bool:
        """Moves back what the merge moved and the target still holds; False when there is nothing to undo."""
        account_id = session.info["account_id"]
        if _first_word(session, FollowedMerge(account_id, merge_id, duplicate_id, target_id, undo=True), UNDONE, at):
            return False  # the undo overtook its merge: kept, so the late merge moves nothing
        undone = session.execute(
            update(merges).where(merges.c.account_id == account_id, merges.c.merge_id == merge_id,
                                 merges.c.state == MERGED)
            .values(state=UNDONE, undone_at=at).returning(merges.c.duplicate_id, merges.c.target_id)).first()
        if undone is None:
            return False  # undone already (or another account's merge id)
        # The merge as this service applied it decides who gets what back.
        change = FollowedMerge(account_id, merge_id, undone.duplicate_id, undone.target_id, undo=True)
        self._run(self._before, session, change)
        for table in self.tables:
            session.execute(update(table).where(
                table.c.account_id == account_id, table.c.customer_id == change.target_id,
                table.c.id.in_(change.moved_ids(table.name))).values(customer_id=change.duplicate_id))
        self._run(self._after, session, change)
        return True

    def _on_merged(self, session: Session, event: Event) -> None:
        merged = CustomerMerged.from_data(event.data)
        self.merge(session, merged.merge_id, merged.duplicate_id, merged.target_id, at=event.occurred_at)

    def _on_unmerged(self, session: Session, event: Event) -> None:
        unmerged = CustomerUnmerged.from_data(event.data)
        self.undo(session, unmerged.merge_id, unmerged.duplicate_id, unmerged.target_id, at=event.occurred_at)

    @staticmethod
    def _run(hook: Hook | None, session: Session, change: FollowedMerge) -> None:
        if hook is not None:
            session.flush()  # the hook's queries see every row written so far
            hook(session, change)


def _first_word(session: Session, change: FollowedMerge, state: str, at: dt.datetime) -> bool:
    """Keeps the merge id in ``state``; False when a row for it was there (it then waits for that row's writer)."""
    statement = upsert(merges).values(
        account_id=change.account_id, merge_id=change.merge_id, duplicate_id=change.duplicate_id,
        target_id=change.target_id, state=state, merged_at=at if state == MERGED else None,
        undone_at=at if state == UNDONE else None)
    return session.execute(statement.on_conflict_do_nothing(index_elements=[merges.c.merge_id])
                           .returning(merges.c.merge_id)).first() is not None


def _move_and_note(change: FollowedMerge, table: Table):
    """One statement per table: move the duplicate's rows and note each moved id (no ids travel through Python)."""
    moved = (update(table).where(table.c.account_id == change.account_id,
                                 table.c.customer_id == change.duplicate_id)
             .values(customer_id=change.target_id).returning(table.c.id).cte(f"moved_{table.name}"))
    return insert(merge_moves).from_select(
        ["account_id", "merge_id", "table_name", "record_id"],
        select(literal(change.account_id, merges.c.account_id.type), literal(change.merge_id, merges.c.merge_id.type),
               literal(table.name, merge_moves.c.table_name.type), moved.c.id))
