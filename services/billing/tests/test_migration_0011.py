"""Revision 0011: merges kept before it are followed on in the chassis's words (an undone one stays undone)."""
import datetime as dt
import uuid

from alembic import command
from sqlalchemy import create_engine, text

from billing.bootstrap import SPEC
from chassis.contracts import example
from chassis.db import Database
from chassis.messaging.apply import apply_event
from chassis.migrations import alembic_config, ensure_database, upgrade
from chassis.testing.merge_tables import merge_table_differences

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def _event(event_type, account, merge_id, duplicate, target) -> dict:
    envelope = example(event_type)
    envelope.update(id=str(uuid.uuid4()), account_id=str(account))
    envelope["data"].update(merge_id=str(merge_id), duplicate_id=str(duplicate), target_id=str(target))
    return envelope


def test_old_merges_keep_their_state_and_are_followed_on(make_database_url):
    url = make_database_url("billing_0011")
    ensure_database(url)
    command.upgrade(alembic_config(url, SPEC.migrations), "0010")
    engine = create_engine(url)
    account, duplicate, target, moved = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, unmerged = uuid.uuid4(), uuid.uuid4()
    try:
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO merges (account_id, merge_id, duplicate_id, target_id, state, merged_at, unmerged_at) "
                "VALUES (:a, :applied, :d, :t, 'merged', :at, NULL), (:a, :unmerged, :d, :t, 'unmerged', :at, :at)"),
                {"a": account, "applied": applied, "unmerged": unmerged, "d": duplicate, "t": target, "at": AT})
            connection.execute(text("INSERT INTO merge_moves (account_id, merge_id, table_name, record_id) "
                                    "VALUES (:a, :m, 'invoices', :r)"), {"a": account, "m": applied, "r": moved})
        upgrade(url, SPEC.migrations, create=False)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT merge_id, state, undone_at FROM merges")).all()
            moves = connection.execute(text("SELECT merge_id, table_name, record_id FROM merge_moves")).all()
            assert merge_table_differences(connection) == []
        assert sorted(rows) == sorted([(applied, "merged", None), (unmerged, "undone", AT)])
        assert moves == [(applied, "invoices", moved)]

        database = Database(url, service="billing")
        try:
            # The undone merge arriving again moves nothing; the applied one can still be undone.
            assert apply_event(database, SPEC.handlers, _event("customer.merged", account, unmerged, duplicate,
                                                               target))
            assert apply_event(database, SPEC.handlers, _event("customer.unmerged", account, applied, duplicate,
                                                               target))
        finally:
            database.dispose()
        with engine.connect() as connection:
            states = dict(connection.execute(text("SELECT merge_id, state FROM merges")).all())
            recounted = connection.execute(text("SELECT count(*) FROM customer_summaries")).scalar_one()
        assert states == {applied: "undone", unmerged: "undone"} and recounted == 2
    finally:
        engine.dispose()
