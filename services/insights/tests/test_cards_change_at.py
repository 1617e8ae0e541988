"""``rules.cards_change_at``, rule by rule: the instant it names is exactly when the cards turn (they are what they were
at ``now`` up to the microsecond before it and differ at it), and nothing turns earlier. What turns only at midnight
is left to the facts' own bound (``queries.stable_until``), which every stored answer also honours."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from insights.adapters.queries import stable_until
from insights.domain.facts import (Communication, CustomerFacts, Estimate, Invoice, Job, Overdue, Plan, Profile)
from insights.domain.rules import cards_change_at, rule_cards
from insights.domain.thresholds import Thresholds

UTC = dt.timezone.utc
MICRO, MINUTE, HOUR, DAY = (dt.timedelta(microseconds=1), dt.timedelta(minutes=1), dt.timedelta(hours=1),
                            dt.timedelta(days=1))
NOW = dt.datetime(2026, 3, 10, 9, 15, 0, 250000, tzinfo=UTC)
LIMITS = Thresholds()


def _id(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


def customer(**changes) -> Profile:
    """An active customer for over a year (no lead card), neither archived nor merged."""
    return replace(Profile(_id(1), "C-1001", "Dana", "residential", "active", False, False, None, NOW - 400 * DAY),
                   **changes)


def overdue_since(due: dt.date) -> Overdue:
    invoice = Invoice(_id(10), "INV-1001", due, 50000, 50000, "USD")
    return Overdue(total_cents=50000, count=1, oldest_due_date=due, oldest=(invoice,))


def completed_job(at: dt.datetime) -> Job:
    return Job(_id(20), "J-1001", "Tune-up", "completed", at - HOUR, at, 12900, "USD")


def estimate(n: int, since: dt.datetime | None) -> Estimate:
    return Estimate(_id(30 + n), f"E-100{n}", "New furnace", "sent", since, 684500, "USD")


def plan(n: int, next_visit: dt.datetime | None, booked: bool = False, status: str = "active") -> Plan:
    return Plan(_id(40 + n), f"Plan {n}", status, next_visit, booked)


def cards(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> list[dict]:
    return [card.as_dict() for card in rule_cards(facts, limits, now)]


def kinds(facts: CustomerFacts, limits: Thresholds, now: dt.datetime) -> set[str]:
    return {card["kind"] for card in cards(facts, limits, now)}


def assert_turns_at(facts: CustomerFacts, limits: Thresholds, now: dt.datetime, turn: dt.datetime,
                    samples: int = 240) -> list[dict]:
    """``cards_change_at`` names ``turn``; the cards hold from ``now`` to the microsecond before it (sampled evenly
    in between, so a turn missed earlier shows) and differ at it. Returns the cards at ``turn``."""
    assert cards_change_at(facts, limits, now) == turn
    before = cards(facts, limits, now)
    for k in range(samples):
        moment = now + (turn - now) * k / samples
        assert cards(facts, limits, moment) == before, f"turned unreported by {moment}"
    assert cards(facts, limits, turn - MICRO) == before
    after = cards(facts, limits, turn)
    assert after != before
    return after


def _midnight(now: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(now.date() + DAY, dt.time(), tzinfo=UTC)


def assert_only_midnight_turns_it(facts: CustomerFacts, limits: Thresholds, now: dt.datetime, *,
                                  turns_at_midnight: bool) -> None:
    """Nothing but midnight changes the cards today: ``cards_change_at`` names nothing and the facts' own bound, which
    the stored answer honours as well, is that midnight."""
    assert cards_change_at(facts, limits, now) is None
    midnight = _midnight(now)
    assert stable_until(facts, now) == midnight
    before = cards(facts, limits, now)
    for k in range(240):
        assert cards(facts, limits, now + (midnight - now) * k / 240) == before
    assert cards(facts, limits, midnight - MICRO) == before
    assert (cards(facts, limits, midnight) != before) is turns_at_midnight


# -- overdue statement: the quiet period after a statement -------------------------------------------------------------

def test_the_overdue_card_shows_the_moment_a_statements_quiet_period_ends():
    sent = NOW - 14 * DAY + 5 * HOUR + 7 * MICRO  # 14 quiet days end five hours from now
    facts = CustomerFacts(customer(), overdue=overdue_since((NOW - 45 * DAY).date()), last_statement_at=sent)
    after = assert_turns_at(facts, LIMITS, NOW, sent + 14 * DAY)
    assert [card["kind"] for card in after] == ["overdue_statement"]
    assert after[0]["reason"].endswith("is 45 days past due.")


def test_a_shown_overdue_card_turns_only_at_midnight_when_its_days_past_due_grow():
    facts = CustomerFacts(customer(), overdue=overdue_since((NOW - 45 * DAY).date()), last_statement_at=NOW - 20 * DAY)
    assert kinds(facts, LIMITS, NOW) == {"overdue_statement"}
    assert_only_midnight_turns_it(facts, LIMITS, NOW, turns_at_midnight=True)


def test_a_quiet_period_outlasting_a_balance_not_yet_overdue_enough_is_left_to_midnight():
    # 20 days past due of 30: the card cannot show before a midnight, and that midnight bounds the answer anyway.
    facts = CustomerFacts(customer(), overdue=overdue_since((NOW - 20 * DAY).date()),
                          last_statement_at=NOW - 2 * DAY)
    assert_only_midnight_turns_it(facts, LIMITS, NOW, turns_at_midnight=False)


def test_an_archived_customer_still_turns_when_its_quiet_period_ends():
    sent = NOW - 14 * DAY + 90 * MINUTE
    facts = CustomerFacts(customer(archived=True, status="lead"), overdue=overdue_since((NOW - 45 * DAY).date()),
                          last_statement_at=sent)
    assert [card["kind"] for card in assert_turns_at(facts, LIMITS, NOW, sent + 14 * DAY)] == ["overdue_statement"]


# -- win-back: months since the last completed job --------------------------------------------------------------------

def test_the_win_back_card_shows_at_the_last_jobs_day_and_time_twelve_months_on():
    done = dt.datetime(2025, 3, 10, 14, 30, 0, 500000, tzinfo=UTC)  # 11 months and a few hours before NOW
    facts = CustomerFacts(customer(), last_completed_job=completed_job(done))
    assert kinds(facts, LIMITS, NOW) == set()
    after = assert_turns_at(facts, LIMITS, NOW, dt.datetime(2026, 3, 10, 14, 30, 0, 500000, tzinfo=UTC))
    assert after[0]["reason"] == "Last completed job J-1001 was 12 months ago (2025-03-10); no visit is booked."


def test_a_shown_win_back_card_turns_each_month_on_that_day_and_time():
    done = dt.datetime(2024, 11, 10, 14, 30, tzinfo=UTC)
    facts = CustomerFacts(customer(), last_completed_job=completed_job(done))
    assert "was 15 months ago" in cards(facts, LIMITS, NOW)[0]["reason"]
    after = assert_turns_at(facts, LIMITS, NOW, dt.datetime(2026, 3, 10, 14, 30, tzinfo=UTC))
    assert "was 16 months ago" in after[0]["reason"]
    after = assert_turns_at(facts, LIMITS, dt.datetime(2026, 3, 10, 14, 30, tzinfo=UTC),
                            dt.datetime(2026, 4, 10, 14, 30, tzinfo=UTC))
    assert "was 17 months ago" in after[0]["reason"]


def test_a_win_back_month_whose_day_a_month_lacks_turns_at_the_next_months_first_instant():
    # Completed on 31 January: February has no 31st, so the 13th month is reached on 1 March at 00:00.
    done = dt.datetime(2025, 1, 31, 10, 0, tzinfo=UTC)
    facts = CustomerFacts(customer(), last_completed_job=completed_job(done))
    limits = replace(LIMITS, win_back_months=13)
    now = dt.datetime(2026, 2, 20, 8, 0, tzinfo=UTC)
    assert kinds(facts, limits, now) == set()
    after = assert_turns_at(facts, limits, now, dt.datetime(2026, 3, 1, tzinfo=UTC))
    assert "was 13 months ago" in after[0]["reason"]


def test_win_back_months_are_counted_in_utc_whatever_zone_the_job_comes_back_in():
    # psycopg hands timestamptz back in the session's TimeZone. At 23:30 on 31 January in Chicago it is already
    # 1 February in UTC, the zone ``now`` is in: mixing the two, the twelfth month was reached on 31 January 23:30
    # UTC, six hours early. Counted in UTC it is reached on 1 February 2026 at 05:30.
    done = dt.datetime(2025, 1, 31, 23, 30, tzinfo=ZoneInfo("America/Chicago"))
    facts = CustomerFacts(customer(), last_completed_job=completed_job(done))
    now = dt.datetime(2026, 1, 31, 23, 45, tzinfo=UTC)
    assert kinds(facts, LIMITS, now) == set()
    after = assert_turns_at(facts, LIMITS, now, dt.datetime(2026, 2, 1, 5, 30, tzinfo=UTC))
    assert "was 12 months ago" in after[0]["reason"]


@pytest.mark.parametrize("change", [{"jobs_by_status": {"scheduled": 1}}, {"profile": customer(do_not_service=True)}],
                         ids=["a visit booked", "do not service"])
def test_no_win_back_turn_while_a_visit_is_booked_or_the_customer_is_not_serviced(change):
    facts = replace(CustomerFacts(customer(), last_completed_job=completed_job(NOW - 365 * DAY + HOUR)), **change)
    assert cards_change_at(facts, LIMITS, NOW) is None
    assert kinds(facts, LIMITS, NOW + 60 * DAY) == set()


# -- maintenance: a plan's visit entering its window ------------------------------------------------------------------

def test_the_maintenance_card_shows_when_a_plans_visit_enters_the_window():
    visit = NOW + 14 * DAY + 3 * HOUR + 3 * MICRO
    facts = CustomerFacts(customer(), plans=(plan(1, visit),))
    after = assert_turns_at(facts, LIMITS, NOW, visit - 14 * DAY)
    assert after[0]["reason"] == "Plan 1 visit is due in 14 days (2026-03-24) and no visit is booked."


def test_a_second_plan_entering_the_window_turns_a_shown_card():
    first, second = NOW + 5 * DAY, NOW + 14 * DAY + 2 * HOUR
    facts = CustomerFacts(customer(), plans=(plan(1, first), plan(2, second)))
    assert cards(facts, LIMITS, NOW)[0]["facts"] == [str(_id(41))]
    after = assert_turns_at(facts, LIMITS, NOW, second - 14 * DAY)
    assert after[0]["facts"] == [str(_id(41)), str(_id(42))] and after[0]["reason"].endswith("1 other plan also due.")


def test_a_shown_maintenance_card_turns_only_at_midnight_when_its_days_to_go_change():
    facts = CustomerFacts(customer(), plans=(plan(1, NOW + 5 * DAY),))
    assert_only_midnight_turns_it(facts, LIMITS, NOW, turns_at_midnight=True)


@pytest.mark.parametrize("facts", [
    CustomerFacts(customer(), plans=(plan(1, NOW + 15 * DAY, booked=True),)),
    CustomerFacts(customer(), plans=(plan(1, None),)),
    CustomerFacts(customer(do_not_service=True), plans=(plan(1, NOW + 15 * DAY),)),
], ids=["visit booked", "no visit planned", "do not service"])
def test_no_maintenance_turn_for_a_plan_that_cannot_show(facts):
    assert cards_change_at(facts, LIMITS, NOW) is None
    assert kinds(facts, LIMITS, NOW + 30 * DAY) == set()


# -- estimate follow-up: days an estimate has waited ------------------------------------------------------------------

def test_the_follow_up_card_shows_when_the_oldest_estimate_has_waited_the_threshold():
    since = NOW - 7 * DAY + 4 * HOUR + 11 * MICRO
    facts = CustomerFacts(customer(), waiting_estimates=(estimate(1, since),), waiting_estimate_count=1)
    after = assert_turns_at(facts, LIMITS, NOW, since + 7 * DAY)
    assert after[0]["reason"] == "E-1001 (USD 6,845.00) has waited 7 days for an answer; 1 estimate waiting in all."


def test_a_shown_follow_up_card_turns_every_24_hours_of_waiting_not_at_midnight():
    since = NOW - 9 * DAY + 6 * HOUR
    facts = CustomerFacts(customer(), waiting_estimates=(estimate(1, since),), waiting_estimate_count=1)
    assert "has waited 8 days" in cards(facts, LIMITS, NOW)[0]["reason"]
    after = assert_turns_at(facts, LIMITS, NOW, since + 9 * DAY)
    assert "has waited 9 days" in after[0]["reason"]


def test_a_younger_estimate_joining_the_stale_ones_turns_the_card():
    oldest, younger = NOW - 9 * DAY + 6 * HOUR, NOW - 7 * DAY + 2 * HOUR
    facts = CustomerFacts(customer(), waiting_estimates=(estimate(1, oldest), estimate(2, younger)),
                          waiting_estimate_count=2)
    assert cards(facts, LIMITS, NOW)[0]["facts"] == [str(_id(31))]
    after = assert_turns_at(facts, LIMITS, NOW, younger + 7 * DAY)  # before the oldest's next day (6 hours)
    assert after[0]["facts"] == [str(_id(31)), str(_id(32))] and "has waited 8 days" in after[0]["reason"]


def test_an_estimate_without_a_waiting_moment_never_turns():
    facts = CustomerFacts(customer(), waiting_estimates=(estimate(1, None),), waiting_estimate_count=1)
    assert cards_change_at(facts, LIMITS, NOW) is None
    assert kinds(facts, LIMITS, NOW + 30 * DAY) == set()


# -- lead call: days since the last contact (or since the lead came in) -----------------------------------------------

def test_the_lead_card_shows_seven_days_after_the_last_contact_and_turns_every_24_hours():
    contact = Communication(_id(50), "sms", "outbound", "delivered", NOW - 7 * DAY + 30 * MINUTE, None)
    facts = CustomerFacts(customer(status="lead"), last_contact=contact)
    after = assert_turns_at(facts, LIMITS, NOW, contact.occurred_at + 7 * DAY)
    assert after[0]["reason"] == "A lead whose last contact was a sms 7 days ago."
    after = assert_turns_at(facts, LIMITS, contact.occurred_at + 7 * DAY, contact.occurred_at + 8 * DAY)
    assert after[0]["reason"] == "A lead whose last contact was a sms 8 days ago."


def test_a_lead_never_contacted_counts_from_when_it_came_in():
    came_in = NOW - 3 * DAY - 5 * HOUR
    facts = CustomerFacts(customer(status="lead", created_at=came_in))
    after = assert_turns_at(facts, LIMITS, NOW, came_in + 7 * DAY)
    assert after[0]["reason"] == "A lead for 7 days with no call, text or email yet."


# -- the customer as a whole -------------------------------------------------------------------------------------------

def test_the_first_rule_to_turn_is_the_one_reported():
    facts = CustomerFacts(customer(status="lead", created_at=NOW - 7 * DAY + 5 * HOUR),
                          waiting_estimates=(estimate(1, NOW - 7 * DAY + 2 * HOUR),), waiting_estimate_count=1,
                          plans=(plan(1, NOW + 14 * DAY + 3 * HOUR),))
    now = NOW
    for turn, kind in ((NOW + 2 * HOUR, "estimate_follow_up"), (NOW + 3 * HOUR, "maintenance_due"),
                       (NOW + 5 * HOUR, "lead_call")):
        assert kind in {card["kind"] for card in assert_turns_at(facts, LIMITS, now, turn)}
        now = turn


def test_a_merged_duplicate_never_turns():
    facts = CustomerFacts(customer(status="lead", merged_into=_id(2), created_at=NOW - 6 * DAY),
                          waiting_estimates=(estimate(1, NOW - 6 * DAY),), waiting_estimate_count=1)
    assert cards_change_at(facts, LIMITS, NOW) is None
    assert cards(facts, LIMITS, NOW + 30 * DAY) == []


# -- moments as the database hands them back ---------------------------------------------------------------------------
# psycopg returns a timestamptz in the session's TimeZone, which may keep daylight saving time. An aware datetime's
# own arithmetic is wall-clock, so "the moment plus 7 days" across a change lands an hour off the instant the rules
# count elapsed time to. America/Chicago leaves daylight time on 1 November 2026 at 07:00 UTC.

CHICAGO = ZoneInfo("America/Chicago")
BEFORE_FALL_BACK = dt.datetime(2026, 10, 27, 10, 30, tzinfo=CHICAGO)   # 15:30 UTC
AFTER_FALL_BACK = dt.datetime(2026, 11, 10, 10, 30, tzinfo=CHICAGO)    # 16:30 UTC


@pytest.mark.parametrize("facts, now, turn", [
    (CustomerFacts(customer(), overdue=overdue_since(dt.date(2026, 9, 1)), last_statement_at=BEFORE_FALL_BACK),
     dt.datetime(2026, 11, 10, 9, tzinfo=UTC), dt.datetime(2026, 11, 10, 15, 30, tzinfo=UTC)),
    (CustomerFacts(customer(), waiting_estimates=(estimate(1, BEFORE_FALL_BACK),), waiting_estimate_count=1),
     dt.datetime(2026, 11, 3, 9, tzinfo=UTC), dt.datetime(2026, 11, 3, 15, 30, tzinfo=UTC)),
    (CustomerFacts(customer(), waiting_estimates=(estimate(1, BEFORE_FALL_BACK),), waiting_estimate_count=1),
     dt.datetime(2026, 11, 4, 9, tzinfo=UTC), dt.datetime(2026, 11, 4, 15, 30, tzinfo=UTC)),
    (CustomerFacts(customer(status="lead", created_at=BEFORE_FALL_BACK)),
     dt.datetime(2026, 11, 3, 9, tzinfo=UTC), dt.datetime(2026, 11, 3, 15, 30, tzinfo=UTC)),
    (CustomerFacts(customer(), plans=(plan(1, AFTER_FALL_BACK),)),
     dt.datetime(2026, 10, 27, 15, 45, tzinfo=UTC), dt.datetime(2026, 10, 27, 16, 30, tzinfo=UTC)),
], ids=["quiet period", "estimate follow-up", "estimate's days", "lead", "maintenance window"])
def test_a_moment_in_a_zone_with_daylight_saving_turns_at_its_elapsed_instant(facts, now, turn):
    assert_turns_at(facts, LIMITS, now, turn)
