"""The unmatched inbox as the office works it: by channel, and a conversation once assigned stays assigned."""
import uuid


def _sms(sender, body="Hello?"):
    return {"MessageSid": f"SM{uuid.uuid4().hex}", "AccountSid": "AC123", "From": sender, "To": "+15125550100",
            "Body": body, "NumMedia": "0"}


def _call(sender):
    return {"CallSid": f"CA{uuid.uuid4().hex}", "From": sender, "To": "+15125550100", "CallStatus": "completed",
            "Direction": "inbound", "CallDuration": "30"}


def _email(sender):
    return {"MessageId": f"<{uuid.uuid4().hex}@mail>", "From": sender, "To": "office@fieldwork.test",
            "Subject": "Quote?", "Text": "How much for a tune-up?"}


def test_the_inbox_lists_one_channel_when_asked(client, auth, post_webhook, account_id):
    text = post_webhook("sms", account_id, _sms("+17375550100")).headers["X-Communication-Id"]
    call = post_webhook("calls", account_id, _call("+17375550101")).headers["X-Communication-Id"]
    email = post_webhook("email", account_id, _email("stranger@example.org")).headers["X-Communication-Id"]
    everything = client.get("/unmatched", headers=auth).json["items"]
    assert [c["id"] for c in everything] == [email, call, text]
    for channel, expected in (("sms", text), ("call", call), ("email", email)):
        listed = client.get(f"/unmatched?channel={channel}", headers=auth).json["items"]
        assert [c["id"] for c in listed] == [expected]
    assert client.get("/unmatched?channel=fax", headers=auth).status_code == 422


def test_after_assignment_the_number_keeps_going_to_that_customer(client, auth, post_webhook, account_id,
                                                                  add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    first = post_webhook("sms", account_id, _sms("+17375550100", "Hi")).headers["X-Communication-Id"]
    assert client.post(f"/unmatched/{first}/assign", json={"customer_id": str(customer_id)},
                       headers=auth).status_code == 200

    later_text = post_webhook("sms", account_id, _sms("(737) 555-0100", "Thanks!")).headers["X-Communication-Id"]
    later_call = post_webhook("calls", account_id, _call("737-555-0100")).headers["X-Communication-Id"]
    assert client.get("/unmatched", headers=auth).json["items"] == []
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [c["id"] for c in feed] == [later_call, later_text, first]
    assert {c["customer_id"] for c in feed} == {str(customer_id)}


def test_a_number_customers_have_on_file_is_not_overruled_by_an_old_assignment(client, auth, post_webhook,
                                                                               account_id, add_customer):
    first_owner = add_customer(phones=["+15125550142"])
    first = post_webhook("sms", account_id, _sms("+17375550100")).headers["X-Communication-Id"]
    client.post(f"/unmatched/{first}/assign", json={"customer_id": str(first_owner)}, headers=auth)
    # Two other customers now both have the number: matching cannot tell them apart, so a person decides.
    add_customer(phones=["+17375550100"], name="Sam Whitfield")
    add_customer(phones=["+17375550100"], name="Kim Whitfield")
    later = post_webhook("sms", account_id, _sms("+17375550100")).headers["X-Communication-Id"]
    assert [c["id"] for c in client.get("/unmatched", headers=auth).json["items"]] == [later]
