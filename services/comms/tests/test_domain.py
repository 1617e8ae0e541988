"""The plain rules: phone numbers, webhook signatures, retry timing, call outcomes."""
import datetime as dt

import pytest

from comms.domain import signature
from comms.domain.communication import call_status
from comms.domain.contact_points import normalise_email, normalise_phone
from comms.domain.documents import time_shown
from comms.domain.retry import DeliveryError, RetryPolicy


@pytest.mark.parametrize("raw", ["(512) 555-0142", "512.555.0142", "+1 512 555 0142", "1-512-555-0142",
                                 "+15125550142", " 512 5550142 "])
def test_us_numbers_however_written_become_one_e164(raw):
    assert normalise_phone(raw) == "+15125550142"


def test_a_number_of_another_country_keeps_its_country():
    assert normalise_phone("+44 20 7946 0958") == "+442079460958"
    assert normalise_phone("020 7946 0958", "GB") == "+442079460958"


@pytest.mark.parametrize("raw", ["", "hello", "12", None])
def test_unreadable_numbers_match_nobody(raw):
    assert normalise_phone(raw) is None


def test_emails_compare_without_case():
    assert normalise_email(" Dana.Whitfield@Gmail.com ") == "dana.whitfield@gmail.com"
    assert normalise_email("not-an-email") is None


def test_the_signature_covers_url_and_every_param():
    params = [("From", "+15125550142"), ("Body", "hi")]
    good = signature.sign("s3cret", "https://x/webhooks/sms/a", params)
    assert signature.is_valid("s3cret", "https://x/webhooks/sms/a", list(reversed(params)), good)
    assert not signature.is_valid("s3cret", "https://x/webhooks/sms/b", params, good)
    assert not signature.is_valid("s3cret", "https://x/webhooks/sms/a", [("From", "+1"), ("Body", "hi")], good)
    assert not signature.is_valid("other", "https://x/webhooks/sms/a", params, good)
    assert not signature.is_valid("s3cret", "https://x/webhooks/sms/a", params, None)
    assert not signature.is_valid("", "https://x/webhooks/sms/a", params,
                                  signature.sign("", "https://x/webhooks/sms/a", params))


def test_backoff_doubles_up_to_the_cap():
    policy = RetryPolicy(base_seconds=10, cap_seconds=60, max_attempts=5, jitter=0)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5)] == [dt.timedelta(seconds=s) for s in (10, 20, 40, 60, 60)]


def test_jitter_stays_within_its_share():
    policy = RetryPolicy(base_seconds=100, jitter=0.2)
    assert policy.delay(1, rand=0.0) == dt.timedelta(seconds=80)
    assert policy.delay(1, rand=1.0) == dt.timedelta(seconds=120)


def test_permanent_errors_and_the_last_attempt_give_up():
    policy = RetryPolicy(max_attempts=3)
    assert policy.gives_up(1, DeliveryError("no such mailbox", permanent=True))
    assert not policy.gives_up(2, DeliveryError("connection refused"))
    assert policy.gives_up(3, DeliveryError("connection refused"))


def test_call_outcomes():
    assert call_status("completed", False) == "completed"
    assert call_status("no-answer", False) == "missed"
    assert call_status("no-answer", True) == "voicemail"
    assert call_status("busy", False) == "missed"


def test_without_a_provider_configured_a_text_waits_rather_than_fails():
    from comms.adapters.sms import HttpSmsProvider

    with pytest.raises(DeliveryError) as refused:
        HttpSmsProvider("", "+15125550100").send(to="+15125550142", body="hi", reference="x")
    assert not refused.value.permanent and "FIELDWORK_SMS_BASE_URL" in refused.value.reason


def test_an_email_shows_a_time_as_a_person_reads_it_in_utc():
    at = dt.datetime(2026, 12, 17, 2, 40, 37, 283888, tzinfo=dt.timezone(dt.timedelta(hours=-6)))
    assert time_shown(at) == "17 December 2026 at 08:40 UTC"
