"""The AI part against a local server that answers like OpenAI, through the real openai client."""
import datetime as dt
import json
import logging
import re
import uuid

import pytest

KEY = "sk-test-Abc123Def456Ghi789wxyz"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+\d{7,15}|\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")


@pytest.fixture
def connected(client, auth):
    response = client.put("/settings/integrations/openai", json={"api_key": KEY, "model": "gpt-4o-mini"}, headers=auth)
    assert response.status_code == 200
    return response.json


@pytest.fixture
def told_story(app, deliver, story, account_id):
    for envelope in story(account_id):
        deliver(app, envelope)


def insights(client, auth, customer):
    response = client.get(f"/customers/{customer}/insights", headers=auth)
    assert response.status_code == 200
    return response.json


def test_without_a_key_the_ai_part_says_how_to_connect(client, auth, told_story, dana, fake_openai):
    answer = insights(client, auth, dana)
    assert answer["facts"]["billing"]["lifetime_value_cents"] == 684500
    assert answer["facts"]["jobs"]["last_completed"]["number"] == "J-1019"
    assert answer["facts"]["communications"]["by_channel"] == {"call": 1}
    ai = answer["ai"]
    assert ai["status"] == "not_configured"
    assert ai["connect"]["href"] == "/api/settings/integrations/openai" and "Settings" in ai["message"]
    assert fake_openai.requests == []


def test_suggestions_keep_only_citations_of_facts_that_were_sent(client, auth, told_story, connected, dana,
                                                                  fake_openai):
    invented = str(uuid.uuid4())

    def reply(sheet):
        job_id = sheet["jobs"]["last_completed"]["id"]
        return {"summary": "Dana is an active customer with a paid-up account.", "actions": [
            {"title": "Offer the tune-up plan visit", "detail": "Plan is active.",
             "cites": [sheet["plans"]["soonest"][0]["id"], invented]},
            {"title": "Ask for a review", "detail": "Job went well.", "cites": [job_id]},
            {"title": "Upsell a thermostat", "detail": "Made up.", "cites": [invented]},
        ]}

    fake_openai.reply = reply
    ai = insights(client, auth, dana)["ai"]

    assert ai["status"] == "ok" and ai["cached"] is False and ai["model"] == "gpt-4o-mini"
    assert ai["summary"] == "Dana is an active customer with a paid-up account."
    assert [a["title"] for a in ai["actions"]] == ["Offer the tune-up plan visit", "Ask for a review"]
    assert ai["actions"][0]["cites"] == ["6a9d2c85-4e1f-4b37-8d02-c5f7a3e1b964"]
    assert ai["dropped_citations"] == 2
    [request] = fake_openai.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["authorization"] == f"Bearer {KEY}"
    assert request["body"]["response_format"]["type"] == "json_schema"


def test_answers_are_cached_until_the_read_model_changes(app, client, auth, deliver, make_event, account_id,
                                                         told_story, connected, dana, fake_openai, clock):
    first = insights(client, auth, dana)["ai"]
    again = insights(client, auth, dana)["ai"]
    assert len(fake_openai.requests) == 1
    assert again == {**first, "cached": True}

    deliver(app, make_event(account_id, "communication.logged", clock.now - dt.timedelta(hours=1),
                            communication={"id": str(uuid.uuid4()), "customer_id": dana, "channel": "email"}))
    assert insights(client, auth, dana)["ai"]["cached"] is False
    assert len(fake_openai.requests) == 2
    assert fake_openai.sheets()[-1]["communications"]["by_channel"] == {"call": 1, "email": 1}


def test_ai_cached_never_waits_for_the_model(client, auth, told_story, connected, dana, fake_openai):
    fake_openai.delay = 1.5
    lazy = client.get(f"/customers/{dana}/insights?ai=cached", headers=auth).json["ai"]
    assert (lazy["status"], lazy["reason"]) == ("unavailable", "not_ready") and fake_openai.requests == []
    fake_openai.delay = 0
    insights(client, auth, dana)
    assert client.get(f"/customers/{dana}/insights?ai=cached", headers=auth).json["ai"]["status"] == "ok"
    assert client.get(f"/customers/{dana}/insights?ai=soon", headers=auth).status_code == 422


def test_no_phone_number_or_email_leaves_the_system(app, client, auth, deliver, make_event, account_id, told_story,
                                                    connected, dana, fake_openai, clock):
    deliver(app, make_event(account_id, "communication.logged", clock.now - dt.timedelta(hours=2), communication={
        "id": str(uuid.uuid4()), "customer_id": dana, "channel": "sms",
        "occurred_at": clock.now - dt.timedelta(hours=2),
        "subject": "Call me back on +1 (512) 555-0142 or write to dana.whitfield@gmail.com about the AC"}))
    assert insights(client, auth, dana)["ai"]["status"] == "ok"

    sent = json.dumps(fake_openai.requests[-1]["body"])
    for detail in ("+15125550142", "+15125550199", "555-0142", "dana.whitfield@gmail.com", "Ridgeview"):
        assert detail not in sent
    assert not EMAIL.search(sent) and not PHONE.search(sent)
    recent = fake_openai.sheets()[-1]["communications"]["recent"][0]
    assert recent["subject"] == "Call me back on [number removed] or write to [email removed] about the AC"


def test_the_facts_sent_stay_bounded_however_long_the_history(app, client, auth, deliver, make_event, account_id,
                                                              connected, fake_openai, clock):
    from chassis.messaging.apply import apply_events
    history = []
    customer = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - dt.timedelta(days=900),
                            customer={"id": customer, "status": "active"}))
    for i in range(120):
        at = clock.now - dt.timedelta(days=i + 1)
        history.append(make_event(account_id, "communication.logged", at, communication={
            "id": str(uuid.uuid4()), "customer_id": customer, "channel": ("call", "sms", "email")[i % 3],
            "occurred_at": at, "subject": f"Message number {i} about the heat pump"}))
        if i % 2 == 0:
            history.append(make_event(account_id, "job.status_changed", at, job_id=str(uuid.uuid4()),
                                      customer_id=customer, to="completed", changed_at=at, completed_at=at))
    runtime = app.extensions["fieldwork"]
    apply_events(runtime.database, runtime.spec.handlers, history)  # as the consumer applies a backlog
    insights(client, auth, customer)

    sheet = fake_openai.sheets()[-1]
    assert sheet["communications"]["by_channel"] == {"call": 40, "email": 40, "sms": 40}
    assert sheet["jobs"]["by_status"] == {"completed": 60}
    assert len(sheet["communications"]["recent"]) == 5 and len(sheet["jobs"]["recent"]) == 5
    assert len(json.dumps(fake_openai.requests[-1]["body"])) < 8000


@pytest.mark.parametrize("setup, reason", [
    (lambda fake: setattr(fake, "delay", 1.5), "timeout"),
    (lambda fake: setattr(fake, "status", 500), "error"),
    (lambda fake: setattr(fake, "status", 401), "error"),
    (lambda fake: setattr(fake, "raw_body", "<html>Bad gateway</html>"), "invalid_answer"),
    (lambda fake: setattr(fake, "content", "Sure! Here are some ideas: call them."), "invalid_answer"),
    (lambda fake: setattr(fake, "content", json.dumps({"summary": "No actions key"})), "invalid_answer"),
    (lambda fake: setattr(fake, "content", json.dumps({"summary": "", "actions": [{"title": 3}]})),
     "invalid_answer"),
])
def test_a_failed_answer_leaves_the_cards_and_marks_the_ai_unavailable(app, client, auth, deliver, make_event,
                                                                       account_id, connected, fake_openai, clock,
                                                                       setup, reason):
    lead = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - dt.timedelta(days=10), customer={"id": lead}))
    setup(fake_openai)
    answer = insights(client, auth, lead)
    assert [card["kind"] for card in answer["cards"]] == ["lead_call"]
    assert answer["ai"]["status"] == "unavailable" and answer["ai"]["reason"] == reason
    assert answer["ai"]["message"]
    fake_openai.reset()
    assert insights(client, auth, lead)["ai"]["status"] == "ok"  # nothing bad was cached


def test_the_key_is_never_returned_or_logged(app, client, auth, told_story, dana, fake_openai, caplog):
    caplog.set_level(logging.DEBUG)
    put = client.put("/settings/integrations/openai", json={"api_key": KEY}, headers=auth)
    shown = client.get("/settings/integrations/openai", headers=auth)
    insights(client, auth, dana)
    fake_openai.status = 401
    client.get(f"/customers/{dana}/insights", headers={**auth, "X-Request-Id": "r1"})
    client.put("/settings/integrations/openai", json={"api_key": KEY + "!"}, headers=auth)  # refused: 422

    for response in (put, shown):
        assert response.status_code == 200
        assert response.json["api_key_last4"] == "wxyz" and response.json["configured"] is True
        assert KEY not in response.get_data(as_text=True) and "api_key" not in response.json
    logged = caplog.text + "".join(repr(r.__dict__) for r in caplog.records)
    assert KEY not in logged and KEY[3:] not in logged and "Abc123Def456" not in logged

    database = app.extensions["fieldwork"].database
    with database.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT encrypted_key FROM openai_settings").scalars().all()
    assert stored and all(KEY.encode() not in bytes(value) for value in stored)


def test_settings_answer_404_nothing_to_another_account_and_can_be_removed(client, auth, other_auth, told_story,
                                                                           connected, dana):
    assert client.get(f"/customers/{dana}/insights", headers=other_auth).status_code == 404
    assert client.get(f"/customers/{uuid.uuid4()}/insights", headers=auth).status_code == 404
    assert client.get("/settings/integrations/openai", headers=other_auth).json["configured"] is False

    assert client.delete("/settings/integrations/openai", headers=auth).status_code == 204
    assert client.get("/settings/integrations/openai", headers=auth).json["configured"] is False
    assert insights(client, auth, dana)["ai"]["status"] == "not_configured"


def test_bad_settings_are_refused_and_change_nothing(client, auth, make_token, account_id):
    cases = [({"api_key": "not-a-key"}, "api_key"), ({"api_key": "sk-short"}, "api_key"),
             ({"model": "gpt 4 o!"}, "model"), ({}, "api_key"), ({"model": "gpt-4o"}, "api_key"),
             ({"api_key": KEY, "base_url": "http://evil"}, "base_url")]
    for body, field in cases:
        response = client.put("/settings/integrations/openai", json=body, headers=auth)
        assert response.status_code == 422, body
        assert field in response.json["error"]["fields"]
        assert KEY not in response.get_data(as_text=True)
    assert client.get("/settings/integrations/openai", headers=auth).json["configured"] is False

    viewer = {"Authorization": f"Bearer {make_token(account_id, perms=['insights:view'])}"}
    assert client.put("/settings/integrations/openai", json={"api_key": KEY}, headers=viewer).status_code == 403
    assert client.get("/settings/integrations/openai", headers=viewer).status_code == 403


def test_the_model_can_change_without_resending_the_key(client, auth, connected):
    response = client.put("/settings/integrations/openai", json={"model": "gpt-4.1-mini"}, headers=auth)
    assert response.status_code == 200
    assert (response.json["model"], response.json["api_key_last4"]) == ("gpt-4.1-mini", "wxyz")


def test_insights_need_their_permission_and_the_api_is_documented(client, make_token, account_id, told_story, dana):
    billing_only = {"Authorization": f"Bearer {make_token(account_id, perms=['billing:view'])}"}
    assert client.get(f"/customers/{dana}/insights", headers=billing_only).status_code == 403
    assert client.get(f"/customers/{dana}/insights").status_code == 401
    paths = client.get("/openapi.json").json["paths"]
    assert {"/customers/{customer_id}/insights", "/settings/integrations/openai", "/settings/insights"} <= set(paths)


def test_the_connection_shows_who_made_it_by_name(client, make_token, account_id):
    named = {"Authorization": f"Bearer {make_token(account_id, sub='dev@fieldwork.local', name='Dana Whitfield')}"}
    assert client.put("/settings/integrations/openai", json={"api_key": KEY}, headers=named).status_code == 200
    assert client.get("/settings/integrations/openai", headers=named).json["updated_by"] == "Dana Whitfield"
