"""Statuses that tell the truth: sending while handed over, delivered or failed from the provider's signed report,
retries visible with their attempts, a failure the office can retry, and the timeline saying each."""
import datetime as dt
import uuid

from comms.domain.retry import RetryPolicy
from comms.service_layer import delivery


def later(**delta) -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc) + dt.timedelta(**delta)


def _text(client, auth, customer_id, body="On our way"):
    answer = client.post("/messages", json={"customer_id": str(customer_id), "channel": "sms", "body": body},
                         headers=auth)
    assert answer.status_code == 202, answer.json
    return answer.json


def _comm(client, auth, comm_id):
    return client.get(f"/communications/{comm_id}", headers=auth).json


def _title(client, auth, customer_id, comm_id):
    items = client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]
    return next(item["title"] for item in items if item["id"] == comm_id)


def _sid_of(app, comm_id) -> str:
    from sqlalchemy import text
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return connection.execute(text("SELECT provider_ref FROM communications WHERE id = :id"),
                                  {"id": comm_id}).scalar()


def test_a_text_reads_sent_then_delivered_when_the_provider_reports_it(client, auth, app, account_id, add_customer,
                                                                       run_sender, sms_provider, post_webhook):
    customer_id = add_customer(phones=["+15125550142"])
    queued = _text(client, auth, customer_id)
    assert (queued["status"], queued["attempts"]) == ("queued", 0) and queued["next_attempt_at"] is not None
    assert _title(client, auth, customer_id, queued["id"]) == "Text queued"

    run_sender(now=later())
    sent = _comm(client, auth, queued["id"])
    assert (sent["status"], sent["attempts"], sent["next_attempt_at"]) == ("sent", 1, None)
    assert _title(client, auth, customer_id, queued["id"]) == "Text sent"

    sid = _sid_of(app, queued["id"])
    reported = post_webhook("delivery", account_id, {"MessageSid": sid, "MessageStatus": "delivered"})
    assert reported.status_code == 200 and reported.headers["X-Communication-Id"] == queued["id"]
    assert _comm(client, auth, queued["id"])["status"] == "delivered"
    assert _title(client, auth, customer_id, queued["id"]) == "Text delivered"

    # A late or repeated report never turns a delivered message back.
    post_webhook("delivery", account_id, {"MessageSid": sid, "MessageStatus": "undelivered"})
    assert _comm(client, auth, queued["id"])["status"] == "delivered"


def test_a_provider_reporting_failure_fails_the_send_with_its_reason(client, auth, app, account_id, add_customer,
                                                                     run_sender, post_webhook):
    customer_id = add_customer(phones=["+15125550142"])
    queued = _text(client, auth, customer_id)
    run_sender(now=later())
    post_webhook("delivery", account_id, {"MessageSid": _sid_of(app, queued["id"]), "MessageStatus": "undelivered",
                                          "ErrorMessage": "Unreachable handset"})
    failed = _comm(client, auth, queued["id"])
    assert failed["status"] == "failed" and "Unreachable handset" in failed["failure_reason"]
    assert _title(client, auth, customer_id, queued["id"]).startswith("Text failed: ")


def test_a_delivery_report_must_be_signed_and_for_this_account(client, auth, app, account_id, add_customer,
                                                               run_sender, post_webhook):
    customer_id = add_customer(phones=["+15125550142"])
    queued = _text(client, auth, customer_id)
    run_sender(now=later())
    form = {"MessageSid": _sid_of(app, queued["id"]), "MessageStatus": "delivered"}
    assert post_webhook("delivery", account_id, form, signed=False).status_code == 401
    assert post_webhook("delivery", account_id, form, signed_for=uuid.uuid4()).status_code == 401
    assert post_webhook("delivery", uuid.uuid4(), form).status_code == 404
    assert _comm(client, auth, queued["id"])["status"] == "sent"


def test_a_send_being_handed_over_reads_sending_and_a_dead_sender_lets_it_go_after_its_lease(
        client, auth, app, add_customer, run_sender, sms_provider):
    customer_id = add_customer(phones=["+15125550142"])
    queued = _text(client, auth, customer_id, body="Held by a sender that died")
    now = later()
    database = app.extensions["fieldwork"].database
    while (claimed := delivery._start(database, now, "")) is not None and str(claimed.communication_id) != queued["id"]:
        pass  # other tests' messages due at the same time: left held, as a dead sender would
    held = _comm(client, auth, queued["id"])
    assert (held["status"], held["attempts"]) == ("sending", 1)
    assert _title(client, auth, customer_id, queued["id"]) == "Text sending"

    run_sender(now=now)  # another sender does not take a message someone holds
    assert [m for m in sms_provider.sent if m["idempotency_key"] == queued["id"]] == []
    run_sender(now=now + delivery.SENDING_LEASE + dt.timedelta(seconds=1))
    assert len([m for m in sms_provider.sent if m["idempotency_key"] == queued["id"]]) == 1
    assert (_comm(client, auth, queued["id"])["status"], _comm(client, auth, queued["id"])["attempts"]) == ("sent", 2)


def test_retries_are_visible_and_a_send_that_gave_up_can_be_retried_by_the_office(
        client, auth, add_customer, run_sender, smtp_later):
    to = f"lee.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = add_customer(emails=[to])
    queued = client.post("/messages", json={"customer_id": str(customer_id), "channel": "email",
                                            "subject": "Your visit", "body": "Tuesday"}, headers=auth).json
    policy = RetryPolicy(base_seconds=30, cap_seconds=60, max_attempts=2)
    run_sender(now=later(), providers=smtp_later.providers, policy=policy)
    waiting = _comm(client, auth, queued["id"])
    assert (waiting["status"], waiting["attempts"]) == ("queued", 1)
    assert waiting["next_attempt_at"] is not None and "could not be reached" in waiting["failure_reason"]
    assert _title(client, auth, customer_id, queued["id"]) == "Email queued: Your visit"

    run_sender(now=later(hours=1), providers=smtp_later.providers, policy=policy)
    failed = _comm(client, auth, queued["id"])
    assert (failed["status"], failed["attempts"], failed["next_attempt_at"]) == ("failed", 2, None)
    assert _title(client, auth, customer_id, queued["id"]) == f"Email failed: {failed['failure_reason']}"

    smtp_later.start()
    retried = client.post(f"/communications/{queued['id']}/retry", headers=auth)
    assert retried.status_code == 202 and (retried.json["status"], retried.json["attempts"]) == ("queued", 0)
    run_sender(now=later(hours=2), providers=smtp_later.providers, policy=policy)
    assert _comm(client, auth, queued["id"])["status"] == "sent"
    assert len(smtp_later.received_for(to)) == 1

    again = client.post(f"/communications/{queued['id']}/retry", headers=auth)
    assert again.status_code == 409 and "failed" in again.json["error"]["message"]


def test_retry_of_another_accounts_message_is_404(client, auth, other_auth, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    queued = _text(client, auth, customer_id)
    assert client.post(f"/communications/{queued['id']}/retry", headers=other_auth).status_code == 404
    assert client.post(f"/communications/{uuid.uuid4()}/retry", headers=auth).status_code == 404
