"""Revision 0011: merges kept before it are followed on in the chassis's words (an undone one stays undone)."""
import datetime as dt
import uuid

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import text

from billing.bootstrap import SPEC
from chassis.testing.envelopes import arriving
from chassis.testing.merge_tables import merge_table_differences
from chassis.testing.old_database import database_at

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def test_old_merges_keep_their_state_and_are_followed_on(make_database_url):
    account, duplicate, target, moved = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, unmerged = uuid.uuid4(), uuid.uuid4()
    with database_at(make_database_url("billing_0011"), SPEC, "0010") as old:
        with old.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO merges (account_id, merge_id, duplicate_id, target_id, state, merged_at, unmerged_at) "
                "VALUES (:a, :applied, :d, :t, 'merged', :at, NULL), (:a, :unmerged, :d, :t, 'unmerged', :at, :at)"),
                {"a": account, "applied": applied, "unmerged": unmerged, "d": duplicate, "t": target, "at": AT})
            connection.execute(text("INSERT INTO merge_moves (account_id, merge_id, table_name, record_id) "
                                    "VALUES (:a, :m, 'invoices', :r)"), {"a": account, "m": applied, "r": moved})
        old.upgrade()
        with old.engine.connect() as connection:
            rows = connection.execute(text("SELECT merge_id, state, undone_at FROM merges")).all()
            moves = connection.execute(text("SELECT merge_id, table_name, record_id FROM merge_moves")).all()
            assert merge_table_differences(connection) == []
        assert sorted(rows) == sorted([(applied, "merged", None), (unmerged, "undone", AT)])
        assert moves == [(applied, "invoices", moved)]

        # The undone merge arriving again moves nothing; the applied one can still be undone.
        assert old.apply(
            arriving(CustomerMerged(merge_id=unmerged, duplicate_id=duplicate, target_id=target), account),
            arriving(CustomerUnmerged(merge_id=applied, duplicate_id=duplicate, target_id=target), account),
        ) == [True, True]
        with old.engine.connect() as connection:
            states = dict(connection.execute(text("SELECT merge_id, state FROM merges")).all())
            recounted = connection.execute(text("SELECT count(*) FROM customer_summaries")).scalar_one()
        assert states == {applied: "undone", unmerged: "undone"} and recounted == 2
