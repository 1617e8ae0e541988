"""A provider's message whose text holds NUL characters (PostgreSQL cannot store them) is kept without them: the
message is what the customer sent, and refusing it would lose it once the provider gives up."""
import uuid


def test_an_email_whose_text_holds_nul_is_kept_without_it(client, auth, post_webhook, account_id, add_customer):
    customer_id = add_customer(emails=["dana@example.com"])
    form = {"MessageId": f"<{uuid.uuid4().hex}@mail.example.com>", "From": "Dana <dana@example.com>",
            "To": "office@fieldwork.test", "Subject": "Invoice\x00 question", "Text": "Line one\x00\x00 line two"}
    response = post_webhook("email", account_id, form)
    assert response.status_code == 200, response.get_json()
    [kept] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    shown = client.get(f"/communications/{kept['id']}", headers=auth).json
    assert (shown["subject"], shown["body"]) == ("Invoice question", "Line one line two")


def test_a_text_and_a_call_summary_holding_nul_are_kept_without_it(client, auth, post_webhook, account_id,
                                                                   add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    sms = {"MessageSid": f"SM{uuid.uuid4().hex}", "From": "+15125550142", "To": "+15125550100", "Body": "On my\x00 way"}
    assert post_webhook("sms", account_id, sms).status_code == 200
    call = {"CallSid": f"CA{uuid.uuid4().hex}", "From": "+15125550142", "To": "+15125550100",
            "CallStatus": "completed", "HandledBy": "ai", "Summary": "Asked\x00 about", "TranscriptionText": "Hi\x00"}
    assert post_webhook("calls", account_id, call).status_code == 200
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    shown = [client.get(f"/communications/{item['id']}", headers=auth).json for item in feed]
    assert {(c["channel"], c.get("body") or c.get("subject")) for c in shown} == {("sms", "On my way"),
                                                                                ("call", "Asked about")}
