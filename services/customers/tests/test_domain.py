"""The plain rules: phone normalisation, search terms and the lifecycle rule."""
import datetime as dt

import pytest

from chassis.errors import Conflict
from customers.domain import lifecycle
from customers.domain.phones import InvalidPhone, search_digits, to_e164
from customers.domain.search_terms import parse_query

T0 = dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("typed", ["(555) 010-2233", "555-010-2233", "5550102233", "+1 555 010 2233", "1-555-010-2233"])
def test_a_phone_is_stored_in_e164_however_typed(typed):
    assert to_e164(typed) == "+15550102233"


def test_an_impossible_phone_is_refused():
    with pytest.raises(InvalidPhone):
        to_e164("12")
    with pytest.raises(InvalidPhone):
        to_e164("call me maybe")


def test_search_digits_only_for_phone_like_text():
    assert search_digits("(555) 010-2233") == "5550102233"
    assert search_digits("+1 555") == "1555"
    assert search_digits("Dana 555") is None
    assert search_digits("55") is None


def test_parse_query_knows_numbers_and_phones():
    assert parse_query("C-1042").number == "C-1042"
    assert parse_query("1042").number == "C-1042"
    assert parse_query("Dana  WHITfield").text == "dana whitfield"
    assert parse_query("5550102233").e164 == "+15550102233"
    assert parse_query("50%_off").contains == "%50\\%\\_off%"


def test_work_moves_forward_along_the_funnel():
    change = lifecycle.automatic_change("lead", "quoted", work_at=T0, set_by_hand_at=None, cause="x", now=T0)
    assert (change.from_status, change.to_status, change.automatic, change.changed_by) == ("lead", "quoted", True, None)
    assert lifecycle.automatic_change("prospect", "active", work_at=T0, set_by_hand_at=None, cause="x", now=T0)


@pytest.mark.parametrize("current,target", [("active", "quoted"), ("quoted", "quoted"), ("inactive", "active")])
def test_work_never_moves_backwards_or_out_of_inactive(current, target):
    assert lifecycle.automatic_change(current, target, work_at=T0, set_by_hand_at=None, cause="x", now=T0) is None


def test_a_status_set_by_hand_is_kept_against_older_work():
    later = T0 + dt.timedelta(hours=1)
    assert lifecycle.automatic_change("lead", "quoted", work_at=T0, set_by_hand_at=later, cause="x", now=later) is None
    newer_work = lifecycle.automatic_change("lead", "quoted", work_at=later + dt.timedelta(minutes=1),
                                            set_by_hand_at=later, cause="x", now=later)
    assert newer_work.to_status == "quoted"


def test_a_manual_change_to_the_same_status_is_a_conflict():
    with pytest.raises(Conflict):
        lifecycle.manual_change("lead", "lead", by="u", at=T0)
