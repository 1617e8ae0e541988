"""Events comms consumes: portal invitations and statements to email, merges and their undoing."""
import email
import io
import uuid
from email import policy

import requests
from pypdf import PdfReader


def _log_call(client, auth, customer_id):
    body = {"customer_id": str(customer_id), "channel": "call", "direction": "inbound", "subject": "Quote"}
    response = client.post("/communications", json=body, headers=auth)
    assert response.status_code == 201
    return response.json["id"]


def _feed_ids(client, auth, customer_id):
    return {c["id"] for c in client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]}


def test_a_portal_invite_is_emailed_once_under_redelivery(client, auth, app, deliver, envelope, add_customer,
                                                          run_sender, smtp):
    customer_id = add_customer()
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    invite = envelope("portal.invite_requested", customer_id=str(customer_id), email=address,
                      invite_id=str(uuid.uuid4()))
    assert deliver(app, invite)
    assert not deliver(app, invite)                             # the same event again: the inbox skips it
    assert deliver(app, {**invite, "id": str(uuid.uuid4())})    # re-published under a new id: still one email
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [(c["channel"], c["status"], c["to"]) for c in feed] == [("email", "queued", address)]

    run_sender()
    received = smtp.received_for(address)
    assert len(received) == 1
    message = email.message_from_bytes(received[0].content, policy=policy.default)
    assert invite["data"]["magic_link"] in message.get_content()
    assert client.get(f"/communications/{feed[0]['id']}", headers=auth).json["status"] == "sent"


def test_a_statement_is_emailed_with_the_pdf_fetched_from_billing(client, auth, app, account_id, deliver, emitted,
                                                                   real_customer, billing_service, run_sender, smtp):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = real_customer(address, name="Statement Reader")
    asked = requests.post(f"{billing_service.url}/customers/{customer_id}/statements", headers=auth, timeout=10,
                          json={"email": None, "as_of": "2026-11-30"})
    assert asked.status_code == 202, asked.text
    [event] = emitted(billing_service, account_id, "statement.requested")  # billing's own event
    assert deliver(app, event)
    run_sender()
    [received] = smtp.received_for(address)
    message = email.message_from_bytes(received.content, policy=policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "statement-2026-11-30.pdf"
    content = attachment.get_payload(decode=True)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert content.startswith(b"%PDF") and "Statement Reader" in text and "2026-11-30" in text


def test_a_statement_for_a_customer_without_email_is_kept_as_failed(client, auth, app, deliver, envelope,
                                                                    add_customer):
    customer_id = add_customer(emails=[])
    deliver(app, envelope("statement.requested", customer_id=str(customer_id), email=None,
                          statement_id=str(uuid.uuid4())))
    [comm] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert comm["status"] == "failed" and "no email" in comm["failure_reason"]


def test_a_merge_moves_everything_once_and_its_undo_moves_exactly_that_back(client, auth, app, deliver, envelope,
                                                                            add_customer, post_webhook, account_id):
    target, duplicate = add_customer(phones=["+15125550100"]), add_customer(phones=["+15125550142"])
    on_target = {_log_call(client, auth, target)}
    on_duplicate = {_log_call(client, auth, duplicate), _log_call(client, auth, duplicate)}
    post_webhook("sms", account_id, {"MessageSid": "SM1", "From": "+15125550142", "To": "+15125550100",
                                     "Body": "hi"})
    on_duplicate |= _feed_ids(client, auth, duplicate) - on_duplicate

    ids = {"merge_id": str(uuid.uuid4()), "duplicate_id": str(duplicate), "target_id": str(target)}
    merged = envelope("customer.merged", **ids)
    assert deliver(app, merged)
    assert not deliver(app, merged)
    assert deliver(app, {**merged, "id": str(uuid.uuid4())})  # the same merge published twice moves nothing more
    assert _feed_ids(client, auth, target) == on_target | on_duplicate
    assert _feed_ids(client, auth, duplicate) == set()
    assert len(client.get(f"/customers/{target}/threads", headers=auth).json["items"]) == 1

    logged_after_merge = _log_call(client, auth, target)
    unmerged = envelope("customer.unmerged", **ids)
    assert deliver(app, unmerged)
    assert deliver(app, {**unmerged, "id": str(uuid.uuid4())})
    assert deliver(app, {**merged, "id": str(uuid.uuid4())})  # a late copy of the merge changes nothing now
    assert _feed_ids(client, auth, duplicate) == on_duplicate
    assert _feed_ids(client, auth, target) == on_target | {logged_after_merge}
    assert client.get(f"/customers/{target}/threads", headers=auth).json["items"] == []


def test_an_undo_that_overtakes_its_merge_leaves_everything_in_place(client, auth, app, deliver, envelope,
                                                                     add_customer, post_webhook, account_id):
    target, duplicate = add_customer(phones=["+15125550101"]), add_customer(phones=["+15125550143"])
    kept = {_log_call(client, auth, duplicate)}
    post_webhook("sms", account_id, {"MessageSid": "SM2", "From": "+15125550143", "To": "+15125550101",
                                     "Body": "hi"})
    kept |= _feed_ids(client, auth, duplicate)
    ids = {"merge_id": str(uuid.uuid4()), "duplicate_id": str(duplicate), "target_id": str(target)}
    unmerged = envelope("customer.unmerged", **ids)
    assert deliver(app, unmerged)
    assert deliver(app, envelope("customer.merged", **ids))
    assert deliver(app, {**unmerged, "id": str(uuid.uuid4())})
    assert _feed_ids(client, auth, duplicate) == kept and len(kept) == 2
    assert _feed_ids(client, auth, target) == set()
    assert len(client.get(f"/customers/{duplicate}/threads", headers=auth).json["items"]) == 1
    assert client.get(f"/customers/{target}/threads", headers=auth).json["items"] == []


def test_a_merge_in_another_account_moves_nothing_here(client, auth, app, deliver, envelope, add_customer):
    target, duplicate = add_customer(), add_customer()
    kept = {_log_call(client, auth, duplicate)}
    deliver(app, envelope("customer.merged", account=uuid.uuid4(), merge_id=str(uuid.uuid4()),
                          duplicate_id=str(duplicate), target_id=str(target)))
    assert _feed_ids(client, auth, duplicate) == kept


def test_every_contract_example_comms_consumes_applies_in_story_order(client, auth, app, deliver, account_id):
    """The published examples, replayed as the stream they tell, are all accepted by comms' handlers."""
    from fieldwork_contracts.checking import examples

    consumed = app.extensions["fieldwork"].spec.handlers.types
    story = [dict(env, account_id=str(account_id)) for _, env in examples() if env["type"] in consumed]
    assert {env["type"] for env in story} >= {"customer.created", "customer.updated", "customer.merged",
                                              "customer.unmerged", "portal.invite_requested",
                                              "statement.requested"}
    for env in story:
        assert deliver(app, env), env["type"]
    customer_id = next(env for env in story if env["type"] == "customer.created")["data"]["customer"]["id"]
    subjects = {c["subject"] for c in client.get(f"/customers/{customer_id}/communications",
                                                 headers=auth).json["items"]}
    assert "Your customer portal invitation" in subjects
