"""Inbound webhooks: signatures, matching by however-written numbers and emails, the unmatched inbox."""
import uuid

import pytest


def _sms(sender="+15125550142", body="Is Tuesday still on?", **extra):
    return {"MessageSid": f"SM{uuid.uuid4().hex}", "AccountSid": "AC123", "From": sender, "To": "+15125550100",
            "Body": body, "NumMedia": "0", **extra}


def _call(sender="+15125550142", **extra):
    return {"CallSid": f"CA{uuid.uuid4().hex}", "From": sender, "To": "+15125550100", "CallStatus": "completed",
            "Direction": "inbound", "CallDuration": "214", **extra}


@pytest.mark.parametrize("how", ["unsigned", "wrong secret", "tampered", "other account"])
def test_badly_signed_webhooks_are_401_and_store_nothing(post_webhook, account_id, count_rows, how):
    form = _sms()
    if how == "unsigned":
        response = post_webhook("sms", account_id, form, signed=False)
    elif how == "wrong secret":
        response = post_webhook("sms", account_id, form, secret="guessed")
    elif how == "tampered":
        response = post_webhook("sms", account_id, form, sent={**form, "Body": "changed"})
    else:  # a valid signature for another account's URL replayed against this one
        response = post_webhook("sms", account_id, form, signed_for=uuid.uuid4())
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"
    assert count_rows("communications", account_id) == 0
    assert count_rows("sms_threads", account_id) == 0


@pytest.mark.parametrize("written", ["(512) 555-0142", "512.555.0142", "+1 512 555 0142", "5125550142"])
def test_an_sms_matches_its_customer_however_the_number_is_written(client, auth, post_webhook, account_id,
                                                                    add_customer, app, emitted, written):
    customer_id = add_customer(phones=["+15125550142"])
    response = post_webhook("sms", account_id, _sms(sender=written))
    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [c["id"] for c in feed] == [response.headers["X-Communication-Id"]]
    assert feed[0]["status"] == "received" and feed[0]["body"] == "Is Tuesday still on?"
    threads = client.get(f"/customers/{customer_id}/threads", headers=auth).json["items"]
    assert [(t["counterpart"], t["id"]) for t in threads] == [("+15125550142", feed[0]["thread_id"])]
    logged = emitted(app, account_id, "communication.logged")[-1]["data"]["communication"]
    assert logged["customer_id"] == str(customer_id) and logged["channel"] == "sms"


def test_a_retried_webhook_is_stored_once(client, auth, post_webhook, account_id, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    form = _sms()
    first = post_webhook("sms", account_id, form)
    again = post_webhook("sms", account_id, form)
    assert first.headers["X-Communication-Id"] == again.headers["X-Communication-Id"]
    assert len(client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]) == 1


def test_an_ai_handled_call_keeps_recording_transcript_and_summary(client, auth, post_webhook, account_id,
                                                                   add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    post_webhook("calls", account_id, _call(sender="512-555-0142", HandledBy="ai", Summary="AC not cooling",
                                            RecordingUrl="https://rec.example/CA1.mp3",
                                            TranscriptionText="Hi, my AC..."))
    call = client.get(f"/customers/{customer_id}/communications?channel=call", headers=auth).json["items"][0]
    assert call["handled_by"]["kind"] == "ai" and call["subject"] == "AC not cooling"
    assert (call["duration_seconds"], call["status"]) == (214, "completed")
    assert call["recording_url"] == "https://rec.example/CA1.mp3" and call["transcript"] == "Hi, my AC..."


def test_a_missed_call_with_a_recording_is_a_voicemail(client, auth, post_webhook, account_id, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    post_webhook("calls", account_id, _call(CallStatus="no-answer", CallDuration="0",
                                            RecordingUrl="https://rec.example/vm.mp3"))
    call = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"][0]
    assert call["status"] == "voicemail"


def test_an_inbound_email_matches_by_address(client, auth, post_webhook, account_id, add_customer):
    customer_id = add_customer(emails=["dana.whitfield@gmail.com"])
    post_webhook("email", account_id, {"MessageId": "<abc@mail>", "From": "Dana W <Dana.Whitfield@GMAIL.com>",
                                       "To": "office@fieldwork.test", "Subject": "Invoice", "Text": "Paid today"})
    email = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"][0]
    assert (email["channel"], email["subject"], email["status"]) == ("email", "Invoice", "received")


def test_bad_webhook_form_is_422_and_stores_nothing(post_webhook, account_id, count_rows):
    response = post_webhook("calls", account_id, _call(CallDuration="long"))
    assert response.status_code == 422
    assert "CallDuration" in response.json["error"]["fields"]
    assert count_rows("communications", account_id) == 0


def test_no_match_lands_in_the_unmatched_inbox_and_can_be_assigned(client, auth, post_webhook, account_id,
                                                                   add_customer, app, emitted):
    customer_id = add_customer(phones=["+15125550142"])
    first = post_webhook("sms", account_id, _sms(sender="(737) 555-0100", body="Hi")).headers["X-Communication-Id"]
    second = post_webhook("sms", account_id, _sms(sender="737 555 0100", body="Hello?")).headers["X-Communication-Id"]
    inbox = client.get("/unmatched", headers=auth).json["items"]
    assert [c["id"] for c in inbox] == [second, first]
    assert inbox[0]["thread_id"] == inbox[1]["thread_id"]
    assert client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"] == []

    response = client.post(f"/unmatched/{first}/assign", json={"customer_id": str(customer_id)}, headers=auth)
    assert response.status_code == 200 and response.json["customer_id"] == str(customer_id)
    assert client.get("/unmatched", headers=auth).json["items"] == []  # the whole conversation went along
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert {c["id"] for c in feed} == {first, second}
    threads = client.get(f"/customers/{customer_id}/threads", headers=auth).json["items"]
    assert [t["counterpart"] for t in threads] == ["+17375550100"]
    assigned = [e["data"]["communication"] for e in emitted(app, account_id, "communication.logged")
                if e["data"]["communication"]["customer_id"] == str(customer_id)]
    assert {c["id"] for c in assigned} == {first, second}

    again = client.post(f"/unmatched/{first}/assign", json={"customer_id": str(customer_id)}, headers=auth)
    assert again.status_code == 409


def test_a_number_two_customers_share_is_left_for_a_person(client, auth, post_webhook, account_id, add_customer):
    add_customer(phones=["+15125550142"])
    add_customer(phones=["+15125550142"], name="Sam Whitfield")
    post_webhook("sms", account_id, _sms())
    assert len(client.get("/unmatched", headers=auth).json["items"]) == 1


def test_the_newest_snapshot_wins_whatever_order_events_arrive(client, auth, post_webhook, account_id, app,
                                                               deliver, envelope, add_customer):
    customer_id = add_customer(phones=["+15125550142"], revision=1)
    snapshot = {**envelope("customer.created")["data"]["customer"], "id": str(customer_id)}
    newer = envelope("customer.updated", customer={**snapshot, "phones": ["+15125550199"]}, revision=3)
    older = envelope("customer.updated", customer={**snapshot, "phones": ["+15125550177"]}, revision=2)
    assert deliver(app, newer) and deliver(app, older)
    post_webhook("sms", account_id, _sms(sender="+15125550199"))
    post_webhook("sms", account_id, _sms(sender="+15125550177"))
    post_webhook("sms", account_id, _sms(sender="+15125550142"))
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [c["from"] for c in feed] == ["+15125550199"]
    assert len(client.get("/unmatched", headers=auth).json["items"]) == 2


def test_a_merged_duplicates_number_reaches_the_target(client, auth, post_webhook, account_id, app, deliver,
                                                       envelope, add_customer):
    target = add_customer(phones=["+15125550100"])
    duplicate = add_customer(phones=["+15125550142"])
    snapshot = {**envelope("customer.created")["data"]["customer"], "id": str(duplicate),
                "phones": ["+15125550142"], "merged_into": str(target)}
    deliver(app, envelope("customer.updated", customer=snapshot, revision=2))
    post_webhook("sms", account_id, _sms())
    assert len(client.get(f"/customers/{target}/communications", headers=auth).json["items"]) == 1


def test_unmatched_and_assign_are_per_account(client, auth, other_auth, post_webhook, account_id, add_customer):
    customer_id = add_customer()
    comm_id = post_webhook("sms", account_id, _sms(sender="+17375550100")).headers["X-Communication-Id"]
    assert client.get("/unmatched", headers=other_auth).json["items"] == []
    response = client.post(f"/unmatched/{comm_id}/assign", json={"customer_id": str(customer_id)},
                           headers=other_auth)
    assert response.status_code == 404
    assert client.get(f"/communications/{comm_id}", headers=other_auth).status_code == 404


def test_threads_and_their_messages_are_per_account(client, auth, other_auth, post_webhook, account_id,
                                                    add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    post_webhook("sms", account_id, _sms(body="first"))
    post_webhook("sms", account_id, _sms(body="second"))
    [thread] = client.get(f"/customers/{customer_id}/threads", headers=auth).json["items"]
    assert thread["last_snippet"] == "second"
    messages = client.get(f"/threads/{thread['id']}/messages", headers=auth).json["items"]
    assert [m["body"] for m in messages] == ["second", "first"]
    assert client.get(f"/threads/{thread['id']}/messages", headers=other_auth).status_code == 404


def test_behind_a_proxy_the_public_url_is_what_is_signed(make_app, account_id):
    from comms.bootstrap import SPEC
    from comms.domain import signature

    proxied = make_app(SPEC, webhook_secret="proxy-secret", webhook_public_base="https://app.example.com/api/")
    client, form, path = proxied.test_client(), _sms(sender="+17375550100"), f"/webhooks/sms/{account_id}"

    def post(signed_url):
        return client.post(path, data=form, headers={signature.HEADER: signature.sign("proxy-secret", signed_url,
                                                                                       form.items())})

    assert post(f"http://localhost{path}").status_code == 401
    assert post(f"https://app.example.com/api{path}").status_code == 200
