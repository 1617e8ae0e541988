"""The card on file: only a token of the processor's shape is kept, never a card number dressed as one, and
an expired card is refused."""
from __future__ import annotations

import datetime as dt
import logging

import pytest

from billing.domain.cards import card_expired, is_processor_token

CARD_DIGITS = "4242424242424242"  # Luhn-valid
GOOD = {"processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k", "brand": "visa", "last4": "4242", "exp_month": 8,
        "exp_year": 2099}


@pytest.mark.parametrize("token", ["4242.4242.4242.4242", "4242_4242_4242_4242", "4242/4242/4242/4242",
                                   "4242  4242  4242  4242", "pan4242424242424242", "tok_" + CARD_DIGITS,
                                   "pm_a" + CARD_DIGITS, "card number 4242", "tok_", "tok_abc 123", "sk_live_abc123",
                                   "tok_abc123\n"])
def test_anything_but_a_processor_token_is_refused_and_not_echoed(client, auth, customer, caplog, token):
    caplog.set_level(logging.DEBUG)
    response = client.put(f"/customers/{customer}/card", json={**GOOD, "processor_token": token}, headers=auth)
    assert response.status_code == 422, (token, response.get_json())
    assert "processor_token" in response.get_json()["error"]["fields"]
    if "4242" in token:
        assert token not in response.get_data(as_text=True) and token not in caplog.text
    assert client.get(f"/customers/{customer}/card", headers=auth).status_code == 404


@pytest.mark.parametrize("token", ["tok_abc123", "tok_1N3T00LkdIwHu7ixt44h1F8k", "pm_1PgT2sLkdIwHu7ixQ9x2AbCd",
                                   "card_1N3T00LkdIwHu7ixt44h1F8k", "tok_4242424242424241"])
def test_tokens_of_the_processors_shape_are_kept(client, auth, customer, token):
    response = client.put(f"/customers/{customer}/card", json={**GOOD, "processor_token": token}, headers=auth)
    assert response.status_code == 200, (token, response.get_json())


@pytest.mark.parametrize("separated", ["4242.4242.4242.4242", "4242_4242_4242_4242", "4242/4242/4242/4242",
                                       "4242  4242  4242  4242", "pan4242424242424242"])
def test_a_card_number_however_written_is_refused_in_any_billing_body(client, auth, customer, separated):
    memo = {"customer_id": str(customer), "amount_cents": 100, "method": "card", "reference": separated}
    response = client.post("/payments", json=memo, headers=auth)
    assert response.status_code == 422 and "reference" in response.get_json()["error"]["fields"]
    assert "4242" not in response.get_data(as_text=True)


def test_an_expired_card_is_refused_and_one_valid_through_this_month_is_kept(client, auth, customer):
    today = dt.datetime.now(dt.UTC).date()
    last_month = (today.replace(day=1) - dt.timedelta(days=1))
    expired = {**GOOD, "exp_month": last_month.month, "exp_year": last_month.year}
    response = client.put(f"/customers/{customer}/card", json=expired, headers=auth)
    assert response.status_code == 422
    assert set(response.get_json()["error"]["fields"]) & {"exp_month", "exp_year"}
    assert client.get(f"/customers/{customer}/card", headers=auth).status_code == 404
    this_month = {**GOOD, "exp_month": today.month, "exp_year": today.year}
    assert client.put(f"/customers/{customer}/card", json=this_month, headers=auth).status_code == 200


def test_a_card_is_good_through_the_last_day_of_its_month():
    assert not card_expired(2, 2028, today=dt.date(2028, 2, 29))
    assert card_expired(2, 2028, today=dt.date(2028, 3, 1))
    assert card_expired(12, 2027, today=dt.date(2028, 1, 1))


def test_the_document_states_the_token_shape(client):
    token = client.get("/openapi.json").get_json()["components"]["schemas"]["CardIn"]["properties"]["processor_token"]
    assert token["pattern"] == "^(?:tok|pm|card|src)_[A-Za-z0-9]{6,100}$"


def test_the_token_shape_is_an_allow_list():
    assert is_processor_token("pm_1PgT2sLkdIwHu7ixQ9x2AbCd")
    assert not is_processor_token("PM_1PgT2sLkdIwHu7ixQ9x2AbCd") and not is_processor_token("tok_" + CARD_DIGITS)
