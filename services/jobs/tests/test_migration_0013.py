"""Revision 0013: merges kept before it, in the old shape, are followed on in the chassis's (undone, moved back)."""
import datetime as dt
import uuid

from alembic import command
from sqlalchemy import create_engine, text

from chassis.contracts import example
from chassis.db import Database
from chassis.messaging.apply import apply_event
from chassis.migrations import alembic_config, ensure_database, upgrade
from chassis.testing.merge_tables import merge_table_differences
from jobs.bootstrap import SPEC

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def _photo(connection, account, customer) -> uuid.UUID:
    photo = uuid.uuid4()
    connection.execute(text(
        "INSERT INTO photos (id, account_id, customer_id, content_type, size_bytes, width, height, storage_key, "
        "thumbnail_key, uploaded_by) VALUES (:id, :a, :c, 'image/jpeg', 1, 1, 1, 'k', 't', 'user-1')"),
        {"id": photo, "a": account, "c": customer})
    return photo


def _event(event_type, account, merge_id, duplicate, target) -> dict:
    envelope = example(event_type)
    envelope.update(id=str(uuid.uuid4()), account_id=str(account))
    envelope["data"].update(merge_id=str(merge_id), duplicate_id=str(duplicate), target_id=str(target))
    return envelope


def test_old_merges_keep_their_state_and_moves_and_are_followed_on(make_database_url):
    url = make_database_url("jobs_0013")
    ensure_database(url)
    command.upgrade(alembic_config(url, SPEC.migrations), "0012")
    engine = create_engine(url)
    account, duplicate, target = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, undone = uuid.uuid4(), uuid.uuid4()
    try:
        with engine.begin() as connection:
            moved = _photo(connection, account, target)  # moved by the applied merge
            connection.execute(text(
                "INSERT INTO merges (account_id, merge_id, duplicate_id, target_id, merged_at, unmerged_at) "
                "VALUES (:a, :applied, :d, :t, :at, NULL), (:a, :undone, :d, :t, :at, :at)"),
                {"a": account, "applied": applied, "undone": undone, "d": duplicate, "t": target, "at": AT})
            connection.execute(text("INSERT INTO merged_records (account_id, merge_id, table_name, record_id) "
                                    "VALUES (:a, :m, 'photos', :r)"), {"a": account, "m": applied, "r": moved})
        upgrade(url, SPEC.migrations, create=False)
        with engine.connect() as connection:
            states = dict(connection.execute(text("SELECT merge_id, state FROM merges")).all())
            moves = connection.execute(text("SELECT merge_id, table_name, record_id FROM merge_moves")).all()
            assert merge_table_differences(connection) == []
        assert states == {applied: "merged", undone: "undone"}
        assert moves == [(applied, "photos", moved)]

        database = Database(url, service="jobs")
        try:
            stays = _photo_on(database, account, duplicate)
            assert apply_event(database, SPEC.handlers, _event("customer.unmerged", account, applied, duplicate,
                                                               target))
            assert apply_event(database, SPEC.handlers, _event("customer.merged", account, undone, duplicate,
                                                               target))  # undone before 0013: moves nothing now
        finally:
            database.dispose()
        with engine.connect() as connection:
            holders = dict(connection.execute(text("SELECT id, customer_id FROM photos")).all())
        assert holders == {moved: duplicate, stays: duplicate}
    finally:
        engine.dispose()


def _photo_on(database, account, customer) -> uuid.UUID:
    with database.engine.begin() as connection:
        return _photo(connection, account, customer)
