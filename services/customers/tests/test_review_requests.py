"""Review requests: a completed job's customer gets one portal link asking for a rating (once per job), by their
preferred channel; none for do-not-service customers or when the account turned them off."""
import uuid

import pytest

from fieldwork_contracts.checking import example, validate_event


def completed(account_id, customer_id, job_id=None, to="completed"):
    envelope = example("job.status_changed")
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    envelope["data"].update(customer_id=customer_id, job_id=job_id or str(uuid.uuid4()), to=to, number="J-1019")
    return envelope


def requests(app, emitted, account_id):
    return [e for e in emitted(app, account_id, "portal.invite_requested")
            if e["data"].get("purpose") == "review_request"]


@pytest.fixture
def dana(create):
    return create(contacts=[{"name": "Dana", "emails": ["dana@example.com"], "phones": [{"number": "512-555-0142"}]}])


def test_a_completed_job_asks_for_a_review_once(app, client, auth, deliver, emitted, account_id, dana):
    event = completed(account_id, dana["id"])
    assert deliver(app, event)
    assert deliver(app, event) is False  # the same delivery again
    assert deliver(app, {**event, "id": str(uuid.uuid4())})  # the completion heard again under another id
    [request] = requests(app, emitted, account_id)
    validate_event(request)
    data = request["data"]
    assert (data["customer_id"], data["job_id"], data["job_number"]) == (dana["id"], event["data"]["job_id"],
                                                                         "J-1019")
    assert (data["channel"], data["email"]) == ("email", "dana@example.com") and "phone" not in data
    assert data["magic_link"].startswith("https://portal.example.test/magic/")
    # The link signs the customer in like any invitation: once.
    token = data["magic_link"].rsplit("/", 1)[1]
    assert client.post("/portal/redeem", json={"token": token}).json["customer_id"] == dana["id"]
    assert client.post("/portal/redeem", json={"token": token}).status_code == 401
    invites = client.get(f"/customers/{dana['id']}/portal-invites", headers=auth).json["items"]
    assert [i["id"] for i in invites] == [data["invite_id"]]


def test_each_completed_job_gets_its_own_request(app, deliver, emitted, account_id, dana):
    first, second = completed(account_id, dana["id"]), completed(account_id, dana["id"])
    assert deliver(app, first) and deliver(app, second)
    assert sorted(e["data"]["job_id"] for e in requests(app, emitted, account_id)) == sorted(
        [first["data"]["job_id"], second["data"]["job_id"]])


def test_other_moves_ask_nothing(app, deliver, emitted, account_id, dana):
    for to in ("scheduled", "in_progress", "cancelled"):
        assert deliver(app, completed(account_id, dana["id"], to=to))
    assert requests(app, emitted, account_id) == []


def test_a_customer_who_prefers_texts_is_asked_by_text(app, client, auth, deliver, emitted, account_id, dana):
    assert client.patch(f"/customers/{dana['id']}", json={"preferred_channel": "sms"}, headers=auth).status_code == 200
    assert deliver(app, completed(account_id, dana["id"]))
    [request] = requests(app, emitted, account_id)
    validate_event(request)
    assert (request["data"]["channel"], request["data"]["phone"]) == ("sms", "+15125550142")
    assert "email" not in request["data"]
    [invite] = client.get(f"/customers/{dana['id']}/portal-invites", headers=auth).json["items"]
    assert invite["email"] is None


def test_a_customer_with_only_a_phone_is_texted_and_one_with_nothing_is_not_asked(app, create, deliver, emitted,
                                                                                  account_id):
    phone_only = create("Pat Phone", contacts=[{"name": "Pat", "phones": [{"number": "512-555-0199"}]}])
    nothing = create("No Contact")
    assert deliver(app, completed(account_id, phone_only["id"]))
    assert deliver(app, completed(account_id, nothing["id"]))
    assert [(e["data"]["customer_id"], e["data"]["channel"]) for e in requests(app, emitted, account_id)] == [
        (phone_only["id"], "sms")]


def test_a_do_not_service_customer_is_not_asked(app, client, auth, deliver, emitted, account_id, dana):
    flagged = client.patch(f"/customers/{dana['id']}", json={"do_not_service": {"flag": True,
                                                                                 "reason": "Abusive to staff"}},
                           headers=auth)
    assert flagged.status_code == 200, flagged.json
    assert deliver(app, completed(account_id, dana["id"]))
    assert requests(app, emitted, account_id) == []


def test_an_account_that_turned_them_off_asks_nobody(app, client, auth, deliver, emitted, account_id, dana):
    assert client.get("/settings/reviews", headers=auth).json == {"send_review_requests": True}
    turned = client.put("/settings/reviews", json={"send_review_requests": False}, headers=auth)
    assert turned.status_code == 200 and turned.json == {"send_review_requests": False}
    assert client.get("/settings/reviews", headers=auth).json == {"send_review_requests": False}
    assert deliver(app, completed(account_id, dana["id"]))
    assert requests(app, emitted, account_id) == []
    client.put("/settings/reviews", json={"send_review_requests": True}, headers=auth)
    assert deliver(app, completed(account_id, dana["id"]))
    assert len(requests(app, emitted, account_id)) == 1


def test_the_setting_is_per_account_needs_settings_edit_and_takes_a_boolean(client, auth, other_auth, make_token,
                                                                            account_id):
    client.put("/settings/reviews", json={"send_review_requests": False}, headers=auth)
    assert client.get("/settings/reviews", headers=other_auth).json == {"send_review_requests": True}
    viewer = {"Authorization": f"Bearer {make_token(account_id, perms=['customers:view', 'customers:edit'])}"}
    assert client.get("/settings/reviews", headers=viewer).status_code == 403
    assert client.put("/settings/reviews", json={"send_review_requests": True}, headers=viewer).status_code == 403
    for bad in ({}, {"send_review_requests": "no"}, {"send_review_requests": None}):
        response = client.put("/settings/reviews", json=bad, headers=auth)
        assert response.status_code == 422 and "send_review_requests" in response.json["error"]["fields"], bad
    assert client.get("/settings/reviews", headers=auth).json == {"send_review_requests": False}


def test_a_job_of_another_accounts_customer_asks_nothing(app, deliver, emitted, account_id, dana):
    other_account = uuid.uuid4()
    assert deliver(app, completed(other_account, dana["id"]))
    assert requests(app, emitted, other_account) == [] and requests(app, emitted, account_id) == []
