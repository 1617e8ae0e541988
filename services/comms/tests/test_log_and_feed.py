"""Hand-logged items, the customer's feed (newest first, cursor pages, channel filter) and the timeline part."""
import datetime as dt
import uuid

import pytest


def _log(client, auth, customer_id, **changes):
    body = {"customer_id": str(customer_id), "channel": "call", "direction": "inbound", "subject": "AC not cooling",
            "body": "Wants a quote", "duration_seconds": 214, **changes}
    return client.post("/communications", json=body, headers=auth)


def test_a_logged_call_is_stored_announced_and_in_the_feed(client, auth, app, account_id, add_customer, emitted):
    customer_id = add_customer(phones=["+15125550142"])
    response = _log(client, auth, customer_id, handled_by="ai", transcript="Hello...",
                    recording_url="https://rec.example/1.mp3")
    assert response.status_code == 201, response.json
    comm = response.json
    assert comm["channel"] == "call" and comm["status"] == "completed"
    assert comm["handled_by"] == {"kind": "ai", "id": None, "name": "AI receptionist"}
    assert comm["duration_seconds"] == 214 and comm["recording_url"] == "https://rec.example/1.mp3"

    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json
    assert [c["id"] for c in feed["items"]] == [comm["id"]]
    events = emitted(app, account_id, "communication.logged")
    assert [e["data"]["communication"]["id"] for e in events] == [comm["id"]]
    assert events[0]["data"]["communication"]["customer_id"] == str(customer_id)
    assert events[0]["data"]["communication"]["handled_by"] == {"kind": "ai", "id": None}


def test_a_staff_member_with_a_uuid_subject_is_named_by_id(client, make_token, account_id, add_customer):
    staff_id = uuid.uuid4()
    headers = {"Authorization": f"Bearer {make_token(account_id, sub=str(staff_id))}"}
    customer_id = add_customer()
    comm = _log(client, headers, customer_id).json
    assert comm["handled_by"]["kind"] == "staff" and comm["handled_by"]["id"] == str(staff_id)


def test_a_logged_text_keeps_its_numbers_and_joins_the_thread_of_the_other_party(client, auth, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    sent = _log(client, auth, customer_id, channel="sms", direction="outbound", subject=None, body="On our way",
                duration_seconds=None, **{"from": "+15125550100", "to": "(512) 555-0177"}).json
    assert (sent["from"], sent["to"]) == ("+15125550100", "(512) 555-0177")
    received = _log(client, auth, customer_id, channel="sms", direction="inbound", subject=None, body="Thanks",
                    duration_seconds=None, **{"from": "+15125550177"}).json
    threads = client.get(f"/customers/{customer_id}/threads", headers=auth).json["items"]
    assert [(t["counterpart"], t["last_snippet"]) for t in threads] == [("+15125550177", "Thanks")]
    assert received["thread_id"] == sent["thread_id"] is not None


@pytest.mark.parametrize("changes, field", [
    ({"channel": "fax"}, "channel"),
    ({"duration_seconds": -1}, "duration_seconds"),
    ({"channel": "sms", "duration_seconds": 10}, "duration_seconds"),
    ({"status": "queued"}, "status"),
    ({"channel": "email", "direction": "outbound", "status": "missed", "duration_seconds": None}, "status"),
    ({"occurred_at": "2999-01-01T00:00:00Z"}, "occurred_at"),
    ({"recording_url": "ftp://x"}, "recording_url"),
    ({"colour": "red"}, "colour"),
])
def test_bad_input_is_422_and_writes_nothing(client, auth, account_id, add_customer, count_rows, field, changes):
    customer_id = add_customer()
    response = _log(client, auth, customer_id, **changes)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]
    assert count_rows("communications", account_id) == 0
    assert count_rows("sms_threads", account_id) == 0


def test_feed_is_newest_first_in_cursor_pages_with_a_channel_filter(client, auth, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    start = dt.datetime(2026, 11, 1, 9, tzinfo=dt.timezone.utc)
    made = []
    for i in range(7):
        channel = ("call", "sms", "email")[i % 3]
        extra = {"duration_seconds": None} if channel != "call" else {}
        when = (start + dt.timedelta(hours=i // 2)).isoformat()  # pairs share a time: ties break by id
        made.append(_log(client, auth, customer_id, channel=channel, occurred_at=when, **extra).json)
    expected = [c["id"] for c in sorted(made, key=lambda c: (c["occurred_at"], c["id"]), reverse=True)]

    seen, cursor = [], None
    while True:
        query = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get(f"/customers/{customer_id}/communications", query_string=query, headers=auth).json
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == expected

    sms = client.get(f"/customers/{customer_id}/communications?channel=sms", headers=auth).json["items"]
    assert [c["id"] for c in sms] == [i for i in expected if next(c for c in made if c["id"] == i)["channel"] == "sms"]
    assert client.get(f"/customers/{customer_id}/communications?channel=fax", headers=auth).status_code == 422


def test_activity_uses_the_timeline_contract(client, auth, add_customer):
    customer_id = add_customer()
    _log(client, auth, customer_id, handled_by="ai")
    _log(client, auth, customer_id, channel="email", direction="outbound", subject="Quote", duration_seconds=None)
    items = client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]
    assert {i["title"] for i in items} == {"Inbound call (AI receptionist)", "Email sent: Quote"}
    assert all(i["kind"] == "communication" and i["link"].startswith("/api/communications/") for i in items)


def test_another_account_gets_404_and_never_data(client, auth, other_auth, add_customer):
    customer_id = add_customer()
    comm = _log(client, auth, customer_id).json
    for path in (f"/customers/{customer_id}/communications", f"/customers/{customer_id}/activity",
                 f"/customers/{customer_id}/threads", f"/communications/{comm['id']}"):
        assert client.get(path, headers=auth).status_code == 200
        response = client.get(path, headers=other_auth)
        assert response.status_code == 404, path
        assert response.json["error"]["code"] == "not_found"


def test_reading_needs_comms_view(client, make_token, account_id, add_customer):
    customer_id = add_customer()
    headers = {"Authorization": f"Bearer {make_token(account_id, perms=['customers:view'])}"}
    assert client.get(f"/customers/{customer_id}/communications", headers=headers).status_code == 403
    assert client.get(f"/customers/{customer_id}/communications").status_code == 401


def test_logging_for_a_customer_nobody_knows_is_422(client, auth, account_id, count_rows):
    response = _log(client, auth, uuid.uuid4())
    assert response.status_code == 422 and "customer_id" in response.json["error"]["fields"]
    assert count_rows("communications", account_id) == 0
