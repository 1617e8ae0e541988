"""Revision 0009: merges kept before it, in comms' old words, are followed on in the chassis's (moved back, skipped)."""
import datetime as dt
import uuid

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import text

from chassis.testing.merge_tables import assert_upgraded_to_the_chassis_shape
from chassis.testing.old_database import database_at
from comms.bootstrap import SPEC

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def _thread(account, customer, counterpart) -> dict:
    return {"id": uuid.uuid4(), "account_id": account, "counterpart": counterpart, "customer_id": customer,
            "last_message_at": AT}


def test_old_merges_keep_their_state_and_moves_and_are_followed_on(make_database_url):
    account, duplicate, target = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, undone_first = uuid.uuid4(), uuid.uuid4()
    moved = _thread(account, target, "+15125550142")  # moved by the applied merge
    stays = _thread(account, duplicate, "+15125550143")
    with database_at(make_database_url("comms_0009"), SPEC, "0008") as old:
        old.insert("sms_threads", moved, stays)
        old.insert("merges", *({"account_id": account, "merge_id": merge, "duplicate_id": duplicate,
                                "target_id": target, "state": state}
                               for merge, state in ((applied, "merged"), (undone_first, "undone"))))
        old.insert("merge_moves", {"account_id": account, "merge_id": applied, "record_kind": "sms_thread",
                                   "record_id": moved["id"]})
        assert_upgraded_to_the_chassis_shape(
            old, "state, merged_at, undone_at",
            kept=[(applied, "merged", None, None), (undone_first, "undone", None, None)],
            moves=[(applied, "sms_threads", moved["id"])])

        assert old.apply(account, CustomerUnmerged(merge_id=applied, duplicate_id=duplicate, target_id=target),
                         # its undo came first: moves nothing
                         CustomerMerged(merge_id=undone_first, duplicate_id=duplicate, target_id=target),
                         ) == [True, True]
        with old.engine.connect() as connection:
            holders = dict(connection.execute(text("SELECT id, customer_id FROM sms_threads")).all())
        assert holders == {moved["id"]: duplicate, stays["id"]: duplicate}
