"""The plain rules, without a database: lifecycles, money, schedules, expiry, recurrences."""
import datetime as dt

import pytest

from chassis.errors import Conflict, ValidationFailed
from jobs.domain import recurrence
from jobs.domain.estimates import effective_status
from jobs.domain.lifecycle import ESTIMATE, JOB, PLAN
from jobs.domain.money import LineItem, price_line_items
from jobs.domain.schedule import check_window

UTC = dt.timezone.utc


@pytest.mark.parametrize("lifecycle, current, target", [
    (JOB, "draft", "scheduled"), (JOB, "scheduled", "in_progress"), (JOB, "in_progress", "completed"),
    (JOB, "in_progress", "cancelled"), (ESTIMATE, "sent", "approved"), (ESTIMATE, "viewed", "declined"),
    (PLAN, "assessment", "active"), (PLAN, "paused", "active"), (PLAN, "active", "cancelled")])
def test_allowed_moves(lifecycle, current, target):
    lifecycle.check(current, target)


@pytest.mark.parametrize("lifecycle, current, target", [
    (JOB, "draft", "completed"), (JOB, "completed", "cancelled"), (JOB, "cancelled", "draft"),
    (ESTIMATE, "draft", "approved"), (ESTIMATE, "approved", "declined"), (ESTIMATE, "expired", "sent"),
    (PLAN, "cancelled", "active"), (PLAN, "assessment", "paused")])
def test_refused_moves(lifecycle, current, target):
    with pytest.raises(Conflict):
        lifecycle.check(current, target)


def test_line_items_are_priced_in_whole_cents():
    items, total = price_line_items([LineItem("Hour", quantity=3, unit_price_cents=12550),
                                     LineItem("Part", quantity=1, unit_price_cents=999)])
    assert [i["total_cents"] for i in items] == [37650, 999] and total == 38649
    assert isinstance(total, int)


def test_a_window_must_end_after_it_starts():
    start = dt.datetime(2027, 1, 1, 9, tzinfo=UTC)
    check_window(start, start + dt.timedelta(hours=1))
    with pytest.raises(ValidationFailed):
        check_window(start, start)


def test_open_estimates_expire_after_their_last_valid_day():
    day = dt.date(2027, 1, 10)
    assert effective_status("sent", day, day) == "sent"
    assert effective_status("sent", day, day + dt.timedelta(days=1)) == "expired"
    assert effective_status("approved", day, day + dt.timedelta(days=9)) == "approved"


def test_recurrences_follow_the_rrule():
    start = dt.datetime(2027, 1, 15, 14, tzinfo=UTC)
    visits = recurrence.next_visits("FREQ=MONTHLY;INTERVAL=6", start, dt.datetime(2027, 2, 1, tzinfo=UTC), 2)
    assert visits == [dt.datetime(2027, 7, 15, 14, tzinfo=UTC), dt.datetime(2028, 1, 15, 14, tzinfo=UTC)]
    assert recurrence.visits_between("RRULE:FREQ=YEARLY", start, start, start + dt.timedelta(days=366)) == [
        start, start.replace(year=2028)]
