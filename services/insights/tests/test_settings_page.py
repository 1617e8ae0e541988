"""What Settings → Integrations saves and asks: every threshold at once (bounds checked field by field, used by the
rules at once, the review card's included) and the OpenAI connection check against a local OpenAI."""
import datetime as dt
import uuid

from sqlalchemy import update

from insights.adapters.orm import OpenAISetting

DAY = dt.timedelta(days=1)
KEY = "sk-test-Check0123456789wxyz"
DEFAULTS = {"overdue_days": 30, "statement_quiet_days": 14, "win_back_months": 12, "maintenance_due_days": 14,
            "estimate_follow_up_days": 7, "lead_contact_days": 7, "low_rating": 2, "review_follow_up_days": 30}


def cards(client, auth, customer_id):
    response = client.get(f"/customers/{customer_id}/insights", headers=auth)
    assert response.status_code == 200, response.json
    return {card["kind"]: card for card in response.json["cards"]}


def review(make_event, account_id, customer_id, at, rating):
    return make_event(account_id, "review.received", at, review_id=str(uuid.uuid4()), customer_id=customer_id,
                      job_id=str(uuid.uuid4()), job_number="J-1031", rating=rating, comment=None, received_at=at)


def test_put_saves_every_threshold_and_get_returns_them(client, auth):
    wanted = {**DEFAULTS, "overdue_days": 45, "low_rating": 3, "review_follow_up_days": 10}
    response = client.put("/settings/insights", json=wanted, headers=auth)
    assert response.status_code == 200, response.json
    assert response.json == wanted
    assert client.get("/settings/insights", headers=auth).json == wanted


def test_put_names_each_field_out_of_bounds_or_missing_and_keeps_what_was_saved(client, auth):
    assert client.put("/settings/insights", json={**DEFAULTS, "win_back_months": 6}, headers=auth).status_code == 200
    body = {**DEFAULTS, "overdue_days": 400, "low_rating": 5, "lead_contact_days": "7"}
    del body["maintenance_due_days"]
    response = client.put("/settings/insights", json=body, headers=auth)
    assert response.status_code == 422
    fields = response.json["error"]["fields"]
    assert set(fields) == {"overdue_days", "low_rating", "lead_contact_days", "maintenance_due_days"}
    assert "365" in " ".join(fields["overdue_days"])
    assert client.get("/settings/insights", headers=auth).json == {**DEFAULTS, "win_back_months": 6}


def test_the_low_rating_threshold_decides_which_review_asks_for_a_call(app, client, auth, deliver, make_event,
                                                                       account_id, clock, active_customer):
    assert deliver(app, review(make_event, account_id, active_customer, clock.now - DAY, 3))
    assert "review_follow_up" not in cards(client, auth, active_customer)
    assert client.put("/settings/insights", json={**DEFAULTS, "low_rating": 3}, headers=auth).status_code == 200
    assert cards(client, auth, active_customer)["review_follow_up"]["title"] == "Follow up on a 3★ review of J-1031"
    assert client.patch("/settings/insights", json={"low_rating": 1}, headers=auth).status_code == 200
    assert "review_follow_up" not in cards(client, auth, active_customer)


def test_the_follow_up_days_decide_how_long_a_low_review_asks(app, client, auth, deliver, make_event, account_id,
                                                              clock, active_customer):
    assert deliver(app, review(make_event, account_id, active_customer, clock.now - 5 * DAY, 1))
    assert "review_follow_up" in cards(client, auth, active_customer)
    assert client.put("/settings/insights", json={**DEFAULTS, "review_follow_up_days": 5},
                      headers=auth).status_code == 200
    assert "review_follow_up" not in cards(client, auth, active_customer)
    assert client.put("/settings/insights", json={**DEFAULTS, "review_follow_up_days": 6},
                      headers=auth).status_code == 200
    assert "review_follow_up" in cards(client, auth, active_customer)


def check(client, auth):
    return client.post("/settings/integrations/openai/check", headers=auth)


def connect(client, auth, model="gpt-4o-mini"):
    response = client.put("/settings/integrations/openai", json={"api_key": KEY, "model": model}, headers=auth)
    assert response.status_code == 200, response.json


def test_checking_without_a_connection_is_a_conflict(client, auth, fake_openai):
    response = check(client, auth)
    assert response.status_code == 409 and "not connected" in response.json["error"]["message"]
    assert fake_openai.requests == []


def test_a_working_key_passes_the_check_sending_no_customer_data(client, auth, fake_openai, clock):
    connect(client, auth, model="gpt-4.1-mini")
    response = check(client, auth)
    assert response.status_code == 200, response.json
    assert response.json["ok"] is True and response.json["reason"] is None
    assert response.json["model"] == "gpt-4.1-mini"
    assert response.json["checked_at"].startswith(clock.now.date().isoformat())
    [sent] = fake_openai.requests
    assert sent["headers"]["authorization"] == f"Bearer {KEY}" and sent["body"]["model"] == "gpt-4.1-mini"
    assert fake_openai.sheets()[0]["customer"]["id"] == "connection-check"
    assert KEY not in response.text and KEY[-4:] not in response.text


def test_a_refused_key_a_missing_model_and_a_bad_answer_say_why(client, auth, fake_openai):
    connect(client, auth)
    for status, reason in ((401, "key_refused"), (404, "model_not_found"), (500, "error")):
        fake_openai.status = status
        response = check(client, auth)
        assert response.status_code == 200
        assert (response.json["ok"], response.json["reason"]) == (False, reason), status
        assert "sk-te" not in response.text  # OpenAI's message echoes part of the key: never passed on
    fake_openai.status, fake_openai.content = 200, "not json"
    assert check(client, auth).json["reason"] == "invalid_answer"


def test_a_key_sealed_under_another_secret_is_reported_unreadable(app, client, auth, account_id, fake_openai):
    connect(client, auth)
    with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        session.execute(update(OpenAISetting).values(encrypted_key=b"gAAAAA-not-a-fernet-token"))
    response = check(client, auth)
    assert (response.json["ok"], response.json["reason"]) == (False, "key_unreadable")
    assert "enter it again" in response.json["message"]
    assert fake_openai.requests == []
