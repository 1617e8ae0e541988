"""Revision 0010: timeline rows written before links carried /api now link through the gateway."""
import datetime as dt
import uuid

from sqlalchemy import text

from chassis.testing.old_database import database_at
from jobs.bootstrap import SPEC


def test_old_timeline_links_gain_the_api_prefix_and_others_are_left(make_database_url):
    record = uuid.uuid4()
    links = [f"/jobs/{record}", f"/estimates/{record}", f"/plans/{record}", f"/photos/{record}",
             f"/api/jobs/{record}", None, "https://example.com/jobs/1"]
    with database_at(make_database_url("jobs_0010"), SPEC, "0009") as old:
        with old.engine.begin() as connection:
            for position, link in enumerate(links):
                connection.execute(text(
                    "INSERT INTO activity (account_id, id, customer_id, record_id, kind, occurred_at, title, link) "
                    "VALUES (:a, :id, :c, :r, 'job', :at, :title, :link)"),
                    {"a": uuid.uuid4(), "id": uuid.uuid4(), "c": uuid.uuid4(), "r": record,
                     "at": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=position),
                     "title": f"item {position}", "link": link})
        old.upgrade()
        with old.engine.connect() as connection:
            after = list(connection.execute(text("SELECT link FROM activity ORDER BY occurred_at")).scalars())
    assert after == [f"/api/jobs/{record}", f"/api/estimates/{record}", f"/api/plans/{record}",
                     f"/api/photos/{record}", f"/api/jobs/{record}", None, "https://example.com/jobs/1"]
