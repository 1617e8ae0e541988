"""Revision 0009: merges kept before it, in comms' old words, are followed on in the chassis's (moved back, skipped)."""
import datetime as dt
import uuid

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import text

from chassis.testing.envelopes import arriving
from chassis.testing.merge_tables import merge_table_differences
from chassis.testing.old_database import database_at
from comms.bootstrap import SPEC

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def _thread(connection, account, customer, counterpart) -> uuid.UUID:
    thread = uuid.uuid4()
    connection.execute(text("INSERT INTO sms_threads (id, account_id, counterpart, customer_id, last_message_at) "
                            "VALUES (:id, :a, :p, :c, :at)"),
                       {"id": thread, "a": account, "p": counterpart, "c": customer, "at": AT})
    return thread


def test_old_merges_keep_their_state_and_moves_and_are_followed_on(make_database_url):
    account, duplicate, target = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, undone_first = uuid.uuid4(), uuid.uuid4()
    with database_at(make_database_url("comms_0009"), SPEC, "0008") as old:
        with old.engine.begin() as connection:
            moved = _thread(connection, account, target, "+15125550142")  # moved by the applied merge
            stays = _thread(connection, account, duplicate, "+15125550143")
            connection.execute(text(
                "INSERT INTO merges (account_id, merge_id, duplicate_id, target_id, state) "
                "VALUES (:a, :applied, :d, :t, 'merged'), (:a, :undone, :d, :t, 'undone')"),
                {"a": account, "applied": applied, "undone": undone_first, "d": duplicate, "t": target})
            connection.execute(text("INSERT INTO merge_moves (account_id, merge_id, record_kind, record_id) "
                                    "VALUES (:a, :m, 'sms_thread', :r)"), {"a": account, "m": applied, "r": moved})
        old.upgrade()
        with old.engine.connect() as connection:
            rows = connection.execute(text("SELECT merge_id, state, merged_at, undone_at FROM merges")).all()
            moves = connection.execute(text("SELECT merge_id, table_name, record_id FROM merge_moves")).all()
            assert merge_table_differences(connection) == []
        assert sorted(rows) == sorted([(applied, "merged", None, None), (undone_first, "undone", None, None)])
        assert moves == [(applied, "sms_threads", moved)]

        assert old.apply(
            arriving(CustomerUnmerged(merge_id=applied, duplicate_id=duplicate, target_id=target), account),
            # its undo came first: moves nothing
            arriving(CustomerMerged(merge_id=undone_first, duplicate_id=duplicate, target_id=target), account),
        ) == [True, True]
        with old.engine.connect() as connection:
            holders = dict(connection.execute(text("SELECT id, customer_id FROM sms_threads")).all())
        assert holders == {moved: duplicate, stays: duplicate}
