"""The merge follower on the toy's gadgets: each merge and undo counts once, whatever order and however often the
broker delivers them."""
import uuid

import pytest
from sqlalchemy import select, text

from fieldwork_contracts.checking import example
from chassis.db.schema import merges
from chassis.merge_follower import MergeFollower
from chassis.messaging import Handlers
from chassis.messaging.apply import apply_event
from toy_service.service import Gadget


class Toy:
    """The toy's follower and what its hooks saw: (hook, undo?, duplicate's gadgets, target's gadgets) per call."""

    def __init__(self, app, account_id):
        self.database, self.account_id = app.extensions["fieldwork"].database, account_id
        self.calls = []
        self.follower = MergeFollower([Gadget], before=self._hook("before"), after=self._hook("after"))
        self.handlers = Handlers().include(self.follower.handlers)
        self.duplicate, self.target = uuid.uuid4(), uuid.uuid4()

    def _hook(self, name):
        def hook(session, change):
            self.calls.append((name, change.undo, self._count(session, change.duplicate_id),
                               self._count(session, change.target_id)))
        return hook

    @staticmethod
    def _count(session, customer_id):
        return len(session.scalars(select(Gadget.id).where(Gadget.customer_id == customer_id)).all())

    def add(self, customer_id, name="gadget", account_id=None) -> uuid.UUID:
        with self.database.transaction(account_id=account_id or self.account_id) as session:
            gadget = Gadget(customer_id=customer_id, name=name)
            session.add(gadget)
            session.flush()
            return gadget.id

    def give(self, gadget_id, customer_id) -> None:
        with self.database.transaction(account_id=self.account_id) as session:
            session.get(Gadget, gadget_id).customer_id = customer_id

    def holds(self, customer_id, account_id=None) -> set[uuid.UUID]:
        with self.database.transaction(account_id=account_id or self.account_id) as session:
            return set(session.scalars(select(Gadget.id).where(Gadget.customer_id == customer_id)))

    def event(self, event_type, merge_id, account_id=None) -> dict:
        envelope = example(event_type)
        envelope.update(id=str(uuid.uuid4()), account_id=str(account_id or self.account_id))
        envelope["data"].update(merge_id=str(merge_id), duplicate_id=str(self.duplicate), target_id=str(self.target))
        return envelope

    def deliver(self, envelope) -> bool:
        return apply_event(self.database, self.handlers, envelope)

    def merge_row(self, merge_id):
        with self.database.engine.connect() as connection:
            return connection.execute(select(merges).where(merges.c.merge_id == merge_id)).one()


@pytest.fixture
def toy(app, account_id):
    return Toy(app, account_id)


def test_a_merge_moves_once_and_its_undo_moves_exactly_that_back(toy):
    moved = {toy.add(toy.duplicate), toy.add(toy.duplicate)}
    kept = {toy.add(toy.target)}
    someone_elses = {toy.add(uuid.uuid4())}
    merge_id = uuid.uuid4()

    merged = toy.event("customer.merged", merge_id)
    assert toy.deliver(merged)
    assert not toy.deliver(merged)                              # the same event again: the inbox skips it
    assert toy.deliver({**merged, "id": str(uuid.uuid4())})     # the same merge under a new event id
    assert toy.holds(toy.target) == moved | kept and toy.holds(toy.duplicate) == set()
    # The hooks ran once, before the records moved and after.
    assert toy.calls == [("before", False, 2, 1), ("after", False, 0, 3)]

    later = toy.add(toy.target)                # added to the target since: stays there
    moved_on = next(iter(moved))
    elsewhere = next(iter(someone_elses))
    toy.give(moved_on, uuid.uuid4())           # moved on from the target since: not pulled back
    unmerged = toy.event("customer.unmerged", merge_id)
    assert toy.deliver(unmerged)
    assert toy.deliver({**unmerged, "id": str(uuid.uuid4())})   # the undo again under a new id
    assert toy.deliver({**merged, "id": str(uuid.uuid4())})     # the merge again after its undo
    assert toy.holds(toy.duplicate) == moved - {moved_on}
    assert toy.holds(toy.target) == kept | {later}
    assert elsewhere not in toy.holds(toy.duplicate) | toy.holds(toy.target)
    assert toy.calls[2:] == [("before", True, 0, 3), ("after", True, 1, 2)]
    row = toy.merge_row(merge_id)
    assert (row.state, row.merged_at is not None, row.undone_at is not None) == ("undone", True, True)


def test_an_undo_that_overtakes_its_merge_leaves_everything_in_place(toy):
    kept = {toy.add(toy.duplicate)}
    merge_id = uuid.uuid4()
    unmerged = toy.event("customer.unmerged", merge_id)
    assert toy.deliver(unmerged)
    assert toy.deliver(toy.event("customer.merged", merge_id))  # late: moves nothing
    assert toy.deliver({**unmerged, "id": str(uuid.uuid4())})   # and the undo again: nothing to move back
    assert toy.holds(toy.duplicate) == kept and toy.holds(toy.target) == set()
    assert toy.calls == []
    row = toy.merge_row(merge_id)
    assert (row.state, row.merged_at, row.undone_at is not None) == ("undone", None, True)


def test_a_merge_moves_nothing_of_another_account_and_its_undo_nothing_of_this_one(toy):
    theirs = uuid.uuid4()
    other = toy.add(toy.duplicate, account_id=theirs)
    mine = toy.add(toy.duplicate)
    merge_id = uuid.uuid4()
    assert toy.deliver(toy.event("customer.merged", merge_id, account_id=theirs))
    assert toy.holds(toy.duplicate) == {mine}
    assert toy.holds(toy.target, account_id=theirs) == {other}
    # Their merge id, undone as if in this account, moves nothing back here or there.
    assert toy.deliver(toy.event("customer.unmerged", merge_id))
    assert toy.holds(toy.target, account_id=theirs) == {other} and toy.holds(toy.duplicate) == {mine}


def test_what_a_merge_moved_is_kept_per_table_and_record(toy, app):
    moved = {toy.add(toy.duplicate), toy.add(toy.duplicate)}
    merge_id = uuid.uuid4()
    assert toy.deliver(toy.event("customer.merged", merge_id))
    with toy.database.engine.connect() as connection:
        rows = connection.execute(text("SELECT table_name, record_id FROM merge_moves WHERE merge_id = :m"),
                                  {"m": merge_id}).all()
    assert sorted(rows) == sorted(("gadgets", gadget_id) for gadget_id in moved)
