"""Sending: written first as queued, delivered by the sender over real SMTP and a local SMS provider."""
import datetime as dt
import email
from email import policy
import uuid

import pytest

from comms.domain.retry import RetryPolicy



def later(**delta) -> dt.datetime:
    """A moment after now, to run the sender as if that much time had passed."""
    return dt.datetime.now(dt.timezone.utc) + dt.timedelta(**delta)


def _send(client, auth, customer_id, **changes):
    body = {"customer_id": str(customer_id), "channel": "email", "subject": "Your visit", "body": "See you Tuesday",
            **changes}
    return client.post("/messages", json=body, headers=auth)


def _address():
    return f"dana.{uuid.uuid4().hex[:8]}@example.com"


def test_an_email_sent_while_smtp_is_down_goes_out_once_when_it_is_back(client, auth, app, account_id, smtp_later,
                                                                      add_customer, run_sender, emitted):
    down, providers = smtp_later, smtp_later.providers
    to = _address()
    customer_id = add_customer(emails=[to])
    queued = _send(client, auth, customer_id)
    assert queued.status_code == 202 and queued.json["status"] == "queued" and queued.json["to"] == to

    run_sender(now=later(), providers=providers)  # refused: the server is down
    comm = client.get(f"/communications/{queued.json['id']}", headers=auth).json
    assert comm["status"] == "queued"
    run_sender(now=later(), providers=providers)  # not due again yet: backoff
    assert emitted(app, account_id, "communication.logged") == []

    down.start()
    run_sender(now=later(hours=1), providers=providers)
    run_sender(now=later(days=1), providers=providers)  # nothing left to send
    assert len(down.received_for(to)) == 1
    message = email.message_from_bytes(down.received_for(to)[0].content, policy=policy.default)
    assert message["Subject"] == "Your visit" and message["Message-ID"] == f"<{comm['id']}@comms.fieldwork>"
    comm = client.get(f"/communications/{queued.json['id']}", headers=auth).json
    assert comm["status"] == "sent" and comm["failure_reason"] is None
    logged = [e["data"]["communication"] for e in emitted(app, account_id, "communication.logged")]
    assert [(c["id"], c["status"]) for c in logged] == [(comm["id"], "sent")]


def test_an_sms_goes_through_the_provider_to_the_normalised_number(client, auth, app, add_customer, run_sender,
                                                                   sms_provider):
    customer_id = add_customer(phones=["+15125550142"])
    queued = _send(client, auth, customer_id, channel="sms", to="(512) 555-0177", subject=None, body="On our way")
    assert queued.status_code == 202 and queued.json["to"] == "+15125550177"
    run_sender(now=later())
    sent = [m for m in sms_provider.sent if m["idempotency_key"] == queued.json["id"]]
    assert [(m["To"], m["From"], m["Body"]) for m in sent] == [("+15125550177", "+15125550100", "On our way")]
    comm = client.get(f"/communications/{queued.json['id']}", headers=auth).json
    assert comm["status"] == "sent" and comm["thread_id"] is not None
    threads = client.get(f"/customers/{customer_id}/threads", headers=auth).json["items"]
    assert [t["counterpart"] for t in threads] == ["+15125550177"]


def test_an_sms_without_to_goes_to_the_primary_phone_and_survives_a_provider_outage(
        client, auth, add_customer, run_sender, sms_provider):
    customer_id = add_customer(phones=["+15125550142", "+15125550199"])
    sms_provider.failures[:] = [503, 429]
    queued = _send(client, auth, customer_id, channel="sms", subject=None, body="Reminder").json
    run_sender(now=later())
    run_sender(now=later(hours=1))
    assert client.get(f"/communications/{queued['id']}", headers=auth).json["status"] == "queued"
    run_sender(now=later(hours=3))
    assert [m["To"] for m in sms_provider.sent if m["idempotency_key"] == queued["id"]] == ["+15125550142"]
    assert client.get(f"/communications/{queued['id']}", headers=auth).json["status"] == "sent"


def test_a_refused_message_fails_at_once_with_the_reason(client, auth, add_customer, run_sender, sms_provider):
    customer_id = add_customer(phones=["+15125550142"])
    sms_provider.failures[:] = [400]
    queued = _send(client, auth, customer_id, channel="sms", subject=None, body="Hi").json
    run_sender(now=later())
    comm = client.get(f"/communications/{queued['id']}", headers=auth).json
    assert comm["status"] == "failed" and "400" in comm["failure_reason"]
    run_sender(now=later(days=1))
    assert not [m for m in sms_provider.sent if m["idempotency_key"] == queued["id"]]


def test_retries_give_up_after_the_last_attempt(client, auth, add_customer, run_sender, smtp_later):
    providers = smtp_later.providers  # never started
    policy = RetryPolicy(base_seconds=60, max_attempts=3, jitter=0)
    customer_id = add_customer(emails=[_address()])
    queued = _send(client, auth, customer_id).json
    for hours in (0, 1, 2, 3):
        run_sender(now=later(hours=hours), providers=providers, policy=policy)
    comm = client.get(f"/communications/{queued['id']}", headers=auth).json
    assert comm["status"] == "failed" and "could not be reached" in comm["failure_reason"]


@pytest.mark.parametrize("changes, field", [
    ({"subject": None}, "subject"),
    ({"channel": "sms", "subject": None, "to": "call me maybe"}, "to"),
    ({"channel": "fax"}, "channel"),
    ({"to": "not-an-email"}, "to"),
    ({"body": ""}, "body"),
    ({"channel": "sms", "subject": "Hi", "body": "x"}, "subject"),
])
def test_bad_sends_are_422_and_write_nothing(client, auth, account_id, add_customer, count_rows, changes, field):
    customer_id = add_customer(emails=[_address()])
    response = _send(client, auth, customer_id, **changes)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]
    for table in ("communications", "deliveries", "sms_threads"):
        assert count_rows(table, account_id) == 0


def test_a_send_to_a_customer_without_an_address_on_file_is_422(client, auth, account_id, add_customer, count_rows):
    customer_id = add_customer(emails=[])
    response = _send(client, auth, customer_id)
    assert response.status_code == 422 and "to" in response.json["error"]["fields"]
    assert count_rows("communications", account_id) == 0


def test_sending_needs_comms_send(client, make_token, account_id, add_customer):
    customer_id = add_customer(emails=[_address()])
    headers = {"Authorization": f"Bearer {make_token(account_id, perms=['comms:view'])}"}
    assert _send(client, headers, customer_id).status_code == 403


def test_a_send_to_another_accounts_customer_is_refused_and_writes_nothing(client, make_token, add_customer,
                                                                          count_rows):
    """That account's copy does not know the customer, so comms asks the real customers service: no such customer."""
    customer_id = add_customer(emails=[_address()])
    other_account = uuid.uuid4()
    response = _send(client, {"Authorization": f"Bearer {make_token(other_account)}"}, customer_id)
    assert response.status_code == 422
    assert "customer_id" in response.json["error"]["fields"]
    assert count_rows("communications", other_account) == 0
    assert count_rows("deliveries", other_account) == 0


def test_readiness_reports_the_sending_backlog(client, auth, add_customer, run_sender):
    customer_id = add_customer(emails=[_address()])
    _send(client, auth, customer_id)
    before = client.get("/readyz").json["checks"]["deliveries"]
    assert before["ok"] and before["pending_deliveries"] >= 1
    run_sender()
    after = client.get("/readyz").json["checks"]["deliveries"]
    assert after["pending_deliveries"] < before["pending_deliveries"]
