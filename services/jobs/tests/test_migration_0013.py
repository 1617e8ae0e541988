"""Revision 0013: merges kept before it, in the old shape, are followed on in the chassis's (undone, moved back)."""
import datetime as dt
import uuid

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import text

from chassis.testing.envelopes import arriving
from chassis.testing.merge_tables import merge_table_differences
from chassis.testing.old_database import database_at
from jobs.bootstrap import SPEC

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def _photo(connection, account, customer) -> uuid.UUID:
    photo = uuid.uuid4()
    connection.execute(text(
        "INSERT INTO photos (id, account_id, customer_id, content_type, size_bytes, width, height, storage_key, "
        "thumbnail_key, uploaded_by) VALUES (:id, :a, :c, 'image/jpeg', 1, 1, 1, 'k', 't', 'user-1')"),
        {"id": photo, "a": account, "c": customer})
    return photo


def test_old_merges_keep_their_state_and_moves_and_are_followed_on(make_database_url):
    account, duplicate, target = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, undone = uuid.uuid4(), uuid.uuid4()
    with database_at(make_database_url("jobs_0013"), SPEC, "0012") as old:
        with old.engine.begin() as connection:
            moved = _photo(connection, account, target)  # moved by the applied merge
            connection.execute(text(
                "INSERT INTO merges (account_id, merge_id, duplicate_id, target_id, merged_at, unmerged_at) "
                "VALUES (:a, :applied, :d, :t, :at, NULL), (:a, :undone, :d, :t, :at, :at)"),
                {"a": account, "applied": applied, "undone": undone, "d": duplicate, "t": target, "at": AT})
            connection.execute(text("INSERT INTO merged_records (account_id, merge_id, table_name, record_id) "
                                    "VALUES (:a, :m, 'photos', :r)"), {"a": account, "m": applied, "r": moved})
        old.upgrade()
        with old.engine.connect() as connection:
            states = dict(connection.execute(text("SELECT merge_id, state FROM merges")).all())
            moves = connection.execute(text("SELECT merge_id, table_name, record_id FROM merge_moves")).all()
            assert merge_table_differences(connection) == []
        assert states == {applied: "merged", undone: "undone"}
        assert moves == [(applied, "photos", moved)]

        with old.engine.begin() as connection:
            stays = _photo(connection, account, duplicate)
        assert old.apply(
            arriving(CustomerUnmerged(merge_id=applied, duplicate_id=duplicate, target_id=target), account),
            # undone before 0013: moves nothing now
            arriving(CustomerMerged(merge_id=undone, duplicate_id=duplicate, target_id=target), account),
        ) == [True, True]
        with old.engine.connect() as connection:
            holders = dict(connection.execute(text("SELECT id, customer_id FROM photos")).all())
        assert holders == {moved: duplicate, stays: duplicate}
