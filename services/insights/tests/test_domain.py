"""The plain rules: scrubbing contact details, keeping only real citations, counting months, stored thresholds."""
import datetime as dt

from insights.domain.advice import grounded
from insights.domain.fact_sheet import scrub
from insights.domain.rules import money, months_between
from insights.domain.thresholds import Thresholds

UTC = dt.timezone.utc


def test_scrub_removes_emails_and_phone_numbers_but_keeps_dates_and_amounts():
    text = "Call +1 512-555-0142 or (512) 555 0199, mail a.b+c@example.co.uk; visit 2026-12-01 for $129"
    assert scrub(text) == ("Call [number removed] or [number removed], mail [email removed]; "
                           "visit 2026-12-01 for $129")
    assert scrub(None) is None
    assert len(scrub("x" * 500)) == 120


def test_grounded_drops_invented_citations_and_actions_left_with_none():
    answer = {"summary": "S", "actions": [
        {"title": "a", "detail": "", "cites": ["j1", "made-up", "j1"]},
        {"title": "b", "detail": "", "cites": ["made-up"]},
        {"title": "c", "detail": "", "cites": []},
    ]}
    advice = grounded(answer, {"j1", "i1"})
    assert [(s.title, s.cites) for s in advice.suggestions] == [("a", ("j1",))]
    assert advice.dropped_citations == 2


def test_months_between_counts_whole_months():
    start = dt.datetime(2025, 1, 31, 10, tzinfo=UTC)
    assert months_between(start, dt.datetime(2026, 1, 31, 10, tzinfo=UTC)) == 12
    assert months_between(start, dt.datetime(2026, 1, 31, 9, tzinfo=UTC)) == 11
    assert months_between(start, dt.datetime(2025, 3, 1, tzinfo=UTC)) == 1


def test_money_is_formatted_from_integer_cents():
    assert money(684500, "USD") == "USD 6,845.00"
    assert money(5, "EUR") == "EUR 0.05"


def test_stored_thresholds_fall_back_to_defaults_and_ignore_retired_names():
    assert Thresholds.from_stored(None) == Thresholds()
    assert Thresholds.from_stored({"overdue_days": 10, "retired": 3}).overdue_days == 10
