"""Revision 0013: merges kept before it, in the old shape, are followed on in the chassis's (undone, moved back)."""
import datetime as dt
import uuid

from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged
from sqlalchemy import text

from chassis.testing.merge_tables import assert_upgraded_to_the_chassis_shape
from chassis.testing.old_database import database_at
from jobs.bootstrap import SPEC

AT = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def _photo(account, customer) -> dict:
    return {"id": uuid.uuid4(), "account_id": account, "customer_id": customer, "content_type": "image/jpeg",
            "size_bytes": 1, "width": 1, "height": 1, "storage_key": "k", "thumbnail_key": "t", "uploaded_by": "user-1"}


def test_old_merges_keep_their_state_and_moves_and_are_followed_on(make_database_url):
    account, duplicate, target = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    applied, undone = uuid.uuid4(), uuid.uuid4()
    moved, stays = _photo(account, target), _photo(account, duplicate)  # moved by the applied merge; added after
    with database_at(make_database_url("jobs_0013"), SPEC, "0012") as old:
        old.insert("photos", moved)
        old.insert("merges", *({"account_id": account, "merge_id": merge, "duplicate_id": duplicate,
                                "target_id": target, "merged_at": AT, "unmerged_at": unmerged_at}
                               for merge, unmerged_at in ((applied, None), (undone, AT))))
        old.insert("merged_records", {"account_id": account, "merge_id": applied, "table_name": "photos",
                                      "record_id": moved["id"]})
        assert_upgraded_to_the_chassis_shape(old, "state", kept=[(applied, "merged"), (undone, "undone")],
                                             moves=[(applied, "photos", moved["id"])])

        old.insert("photos", stays)
        assert old.apply(account, CustomerUnmerged(merge_id=applied, duplicate_id=duplicate, target_id=target),
                         # undone before 0013: moves nothing now
                         CustomerMerged(merge_id=undone, duplicate_id=duplicate, target_id=target)) == [True, True]
        with old.engine.connect() as connection:
            holders = dict(connection.execute(text("SELECT id, customer_id FROM photos")).all())
        assert holders == {moved["id"]: duplicate, stays["id"]: duplicate}
