"""The breaker, the raw JSON splice and the timeline merge, in isolation (the client and fan-out: test_upstream)."""
from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from chassis.pagination import decode_cursor
from chassis.wire_json import Fragment, dumps
from gateway.composition.timeline import SourcePage, merge
from chassis.service_calls.breaker import CLOSED, HALF_OPEN, OPEN, BreakerOpen, CircuitBreaker


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_breaker_opens_after_consecutive_failures_and_lets_one_trial_through():
    clock = Clock()
    breaker = CircuitBreaker("billing", failure_threshold=3, reset_seconds=2, clock=clock)
    for _ in range(2):
        breaker.before_call()
        breaker.record_failure()
    breaker.before_call()
    breaker.record_success()  # a success in between resets the count
    for _ in range(3):
        breaker.before_call()
        breaker.record_failure()
    assert breaker.state == OPEN
    with pytest.raises(BreakerOpen):
        breaker.before_call()
    clock.now = 2.5
    assert breaker.state == HALF_OPEN
    breaker.before_call()                 # the trial
    with pytest.raises(BreakerOpen):
        breaker.before_call()             # only one at a time
    breaker.record_failure()              # a failed trial opens again at once
    assert breaker.state == OPEN
    clock.now = 5
    breaker.before_call()
    breaker.record_success()
    assert breaker.state == CLOSED


def test_a_service_reply_is_spliced_in_verbatim():
    text = dumps({"a": Fragment(b'{"x": [1, 2]}'), "b": "\x00tricky\x00", "c": [Fragment("null")]})
    assert json.loads(text) == {"a": {"x": [1, 2]}, "b": "\x00tricky\x00", "c": [None]}


def _item(minute: int, ident: uuid.UUID) -> dict:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=minute)
    return {"id": str(ident), "occurred_at": at.isoformat(), "kind": "note", "title": "t"}


def test_merge_serves_the_newest_and_points_the_cursor_at_the_last_served():
    ids = sorted((uuid.uuid4() for _ in range(4)), reverse=True)
    jobs = SourcePage([_item(10, ids[0]), _item(5, ids[1])], next_cursor="more")
    notes = SourcePage([_item(10, ids[2]), _item(1, ids[3])], next_cursor=None)
    page = merge({"jobs": jobs, "customers": notes, "billing": None}, limit=3)
    assert [i["id"] for i in page.items] == [str(ids[0]), str(ids[2]), str(ids[1])]
    when, ident = decode_cursor(page.next_cursor)
    assert (when.minute, ident) == (5, ids[1])
    assert page.unavailable == ["billing"]
    last = merge({"jobs": SourcePage([], None), "customers": SourcePage([_item(1, ids[3])], None)}, limit=3)
    assert last.next_cursor is None and len(last.items) == 1
