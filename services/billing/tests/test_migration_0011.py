"""Revision 0011: merges kept before it are followed on in the chassis's words (an undone one stays undone)."""
import datetime as dt
import uuid

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import text

from billing.bootstrap import SPEC
from chassis.testing.merge_tables import assert_upgraded_to_the_chassis_shape
from chassis.testing.old_database import database_at

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def test_old_merges_keep_their_state_and_are_followed_on(make_database_url):
    account, duplicate, target, moved = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, unmerged = uuid.uuid4(), uuid.uuid4()
    with database_at(make_database_url("billing_0011"), SPEC, "0010") as old:
        old.insert("merges", *({"account_id": account, "merge_id": merge, "duplicate_id": duplicate,
                                "target_id": target, "state": state, "merged_at": AT, "unmerged_at": unmerged_at}
                               for merge, state, unmerged_at in ((applied, "merged", None),
                                                                 (unmerged, "unmerged", AT))))
        old.insert("merge_moves", {"account_id": account, "merge_id": applied, "table_name": "invoices",
                                   "record_id": moved})
        assert_upgraded_to_the_chassis_shape(old, "state, undone_at",
                                             kept=[(applied, "merged", None), (unmerged, "undone", AT)],
                                             moves=[(applied, "invoices", moved)])

        # The undone merge arriving again moves nothing; the applied one can still be undone.
        assert old.apply(account, CustomerMerged(merge_id=unmerged, duplicate_id=duplicate, target_id=target),
                         CustomerUnmerged(merge_id=applied, duplicate_id=duplicate, target_id=target)) == [True, True]
        with old.engine.connect() as connection:
            states = dict(connection.execute(text("SELECT merge_id, state FROM merges")).all())
            recounted = connection.execute(text("SELECT count(*) FROM customer_summaries")).scalar_one()
        assert states == {applied: "undone", unmerged: "undone"} and recounted == 2
