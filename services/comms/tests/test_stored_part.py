"""The workspace part is answered from the part store while nothing it shows has changed, and recomputed after any
write (routes, webhooks, the sender, event handlers); time alone never changes it."""
from __future__ import annotations

import datetime as dt
import functools
import uuid
from types import SimpleNamespace

import pytest

import comms.entrypoints.http.workspace_part as part_route
from chassis import wire_json
from chassis.messaging.event import utcnow
from chassis.testing.part_store import (ask_part, assert_404_and_nothing_stored, assert_recomputed, assert_stored,
                                        unwatched_tables)
from chassis.testing.statements import sent_statements
from chassis.testing.workspace_part import PART
from comms.entrypoints.http.schemas.responses import WorkspacePart
from comms.service_layer.workspace import workspace_part

PHONE, OTHER_PHONE, STRANGER = "+15125550142", "+15125550143", "+15125550199"


@pytest.fixture
def database(app):
    return app.extensions["fieldwork"].database


def _sms(sender, body="Is Tuesday still on?"):
    return {"MessageSid": f"SM{uuid.uuid4().hex}", "From": sender, "To": "+15125550100", "Body": body}


def _email(sender, subject="Quote"):
    return {"MessageId": f"<{uuid.uuid4().hex}@mail.example>", "From": sender, "To": "office@fieldwork.test",
            "Subject": subject, "Text": "Could you send the quote again?"}


def _log(client, auth, customer, **changes):
    body = {"customer_id": str(customer), "channel": "call", "direction": "inbound", "body": "Asked for a visit",
            **changes}
    response = client.post("/communications", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def _send(client, auth, customer, **changes):
    body = {"customer_id": str(customer), "channel": "email", "subject": "Your visit", "body": "See you Tuesday",
            **changes}
    response = client.post("/messages", json=body, headers=auth)
    assert response.status_code == 202, response.json
    return response.json


@pytest.fixture
def rich_customer(client, auth, account_id, add_customer, post_webhook):
    """Two calls logged by hand (one years ago), a text and an email matched by webhook, an AI-handled call and
    an email still queued for the sender."""
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer = add_customer(phones=[PHONE], emails=[address])
    _log(client, auth, customer)
    _log(client, auth, customer, occurred_at="2024-03-01T10:00:00+00:00", body="Long ago")
    assert post_webhook("sms", account_id, _sms(PHONE)).status_code == 200
    assert post_webhook("email", account_id, _email(address)).status_code == 200
    assert post_webhook("calls", account_id, {"CallSid": f"CA{uuid.uuid4().hex}", "From": PHONE, "To": "+15125550100",
                                              "CallStatus": "completed", "Direction": "inbound", "CallDuration": "90",
                                              "HandledBy": "ai", "Summary": "AC not cooling"}).status_code == 200
    queued = _send(client, auth, customer)
    return {"id": customer, "email": address, "queued": queued}


def _customers(app):
    return app.extensions["fieldwork"].adapter("customers_api")


def _computed(app, account_id, customer) -> bytes:
    """The part as the service layer computes it right now, bypassing the store, in the bytes the route sends."""
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        document, _ = workspace_part(session, customer, _customers(app), limit=10, activity_limit=20)
        return wire_json.dumps(WorkspacePart().dump(document))


def _fresh(app, client, auth, account_id, customer, stored):
    """Asserts the next answer was recomputed, differs from ``stored`` and is what the service layer gives now."""
    fresh = assert_recomputed(app, lambda: ask_part(client, auth, customer))
    assert fresh.data != stored.data
    assert fresh.data == _computed(app, account_id, customer)
    return fresh


def test_every_account_owned_table_and_the_directory_is_watched(database):
    assert unwatched_tables(database, "known_customers") == set()


def test_the_second_ask_is_one_statement_with_the_same_bytes(app, client, auth, rich_customer):
    assert_stored(app, lambda: ask_part(client, auth, rich_customer["id"]))


def _assign_unmatched(w, rich):
    response = w.post_webhook("sms", w.account_id, _sms(STRANGER, "Who is this?"))
    w.stored = w.ask(rich["id"])  # the unmatched text is written; the customer's part does not show it yet
    assert w.client.get(PART.format(rich["id"]), headers=w.auth).data == w.stored.data
    assigned = w.client.post(f"/unmatched/{response.headers['X-Communication-Id']}/assign",
                             json={"customer_id": str(rich["id"])}, headers=w.auth)
    assert assigned.status_code == 200, assigned.json


def _merge_in(w, rich):
    duplicate = w.add_customer(phones=[OTHER_PHONE])
    assert w.post_webhook("sms", w.account_id, _sms(OTHER_PHONE, "From my other phone")).status_code == 200
    w.stored = w.ask(rich["id"])
    assert w.deliver(w.app, w.envelope("customer.merged", merge_id=str(uuid.uuid4()), duplicate_id=str(duplicate),
                                       target_id=str(rich["id"])))


def _merge_away(w, rich):
    assert w.deliver(w.app, w.envelope("customer.merged", merge_id=str(uuid.uuid4()), duplicate_id=str(rich["id"]),
                                       target_id=str(w.add_customer())))


def _unmerge(w, rich):
    ids = {"merge_id": str(uuid.uuid4()), "duplicate_id": str(rich["id"]), "target_id": str(w.add_customer())}
    assert w.deliver(w.app, w.envelope("customer.merged", **ids))
    # stored while the customer's messages sit with the target: the part before the merge is back after the undo
    w.stored = w.ask(rich["id"])
    assert w.deliver(w.app, w.envelope("customer.unmerged", **ids))


# Each write of a kind the part shows, through comms' routes, webhooks, sender or event handlers (one that asks the
# part itself on the way keeps the answer stored last in ``stored``).
WRITES = {
    "a call logged by hand": lambda w, rich: _log(w.client, w.auth, rich["id"], direction="outbound"),
    "a text sent": lambda w, rich: _send(w.client, w.auth, rich["id"], channel="sms", subject=None, body="On our way"),
    "the sender sending the queued email": lambda w, rich: w.run_sender(now=utcnow() + dt.timedelta(minutes=1)),
    "a text matched by phone": lambda w, rich: w.post_webhook("sms", w.account_id, _sms("(512) 555-0142")),
    "an email matched by address": lambda w, rich: w.post_webhook("email", w.account_id, _email(rich["email"])),
    "an unmatched text assigned": _assign_unmatched,
    "a portal invite queued": lambda w, rich: w.deliver(w.app, w.envelope(
        "portal.invite_requested", customer_id=str(rich["id"]), email=rich["email"], invite_id=str(uuid.uuid4()))),
    "a statement queued": lambda w, rich: w.deliver(w.app, w.envelope(
        "statement.requested", customer_id=str(rich["id"]), email=None, statement_id=str(uuid.uuid4()))),
    "a merge into the customer": _merge_in,
    "a merge away from the customer": _merge_away,
    "an unmerge": _unmerge,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_makes_the_next_answer_the_freshly_computed_one(app, client, auth, account_id, deliver, envelope,
                                                                 add_customer, post_webhook, run_sender,
                                                                 rich_customer, write):
    ask = functools.partial(ask_part, client, auth)
    writer = SimpleNamespace(app=app, client=client, auth=auth, account_id=account_id, deliver=deliver,
                             envelope=envelope, add_customer=add_customer, post_webhook=post_webhook,
                             run_sender=run_sender, ask=ask, stored=ask(rich_customer["id"]))
    write(writer, rich_customer)
    _fresh(app, client, auth, account_id, rich_customer["id"], writer.stored)


@pytest.mark.parametrize("channel", ["sms", "email"])
def test_a_matched_message_moved_between_customers_makes_both_parts_stale(app, client, auth, account_id, deliver,
                                                                          envelope, add_customer, post_webhook,
                                                                          channel):
    address = f"lee.{uuid.uuid4().hex[:8]}@example.com"
    duplicate, target = add_customer(phones=[PHONE], emails=[address]), add_customer(name="Lee Whitfield")
    form = _sms(PHONE) if channel == "sms" else _email(address)
    moved = post_webhook(channel, account_id, form).headers["X-Communication-Id"]
    stored = {customer: ask_part(client, auth, customer) for customer in (duplicate, target)}
    assert moved in stored[duplicate].get_data(as_text=True)

    ids = {"merge_id": str(uuid.uuid4()), "duplicate_id": str(duplicate), "target_id": str(target)}
    assert deliver(app, envelope("customer.merged", **ids))
    merged = {customer: _fresh(app, client, auth, account_id, customer, stored[customer])
              for customer in (duplicate, target)}
    assert moved in merged[target].get_data(as_text=True) and moved not in merged[duplicate].get_data(as_text=True)

    assert deliver(app, envelope("customer.unmerged", **ids))
    for customer in (duplicate, target):
        assert _fresh(app, client, auth, account_id, customer, merged[customer]).data == stored[customer].data


def test_a_directory_change_recomputes_the_part(app, client, auth, deliver, envelope, account_id, rich_customer):
    # comms shows nothing of the snapshot, but whether the customer may be shown at all comes from it.
    stored = ask_part(client, auth, rich_customer["id"])
    renamed = envelope("customer.updated", revision=99)
    renamed["data"]["customer"].update(id=str(rich_customer["id"]), display_name="Dana W.", phones=[PHONE],
                                       emails=[rich_customer["email"]])
    assert deliver(app, renamed)
    fresh = assert_recomputed(app, lambda: ask_part(client, auth, rich_customer["id"]))
    assert fresh.data == stored.data == _computed(app, account_id, rich_customer["id"])


def test_a_write_about_another_customer_leaves_the_stored_part(app, client, auth, add_customer, rich_customer):
    ask_part(client, auth, rich_customer["id"])
    _log(client, auth, add_customer(name="Someone else"))
    with sent_statements(app) as sent:
        ask_part(client, auth, rich_customer["id"])
    assert len(sent) == 1


def test_time_alone_never_changes_the_part(app, account_id, rich_customer):
    # A queued send, a call from years ago, one from today: nothing shown is read against the clock.
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        assert workspace_part(session, rich_customer["id"], _customers(app), limit=10, activity_limit=20)[1] is None


def test_the_route_answers_the_stored_part_however_late_it_is_asked(app, client, auth, rich_customer, monkeypatch):
    # The route reads the request's clock (request_context.now) once per request; moving it is moving time for it.
    clock = [utcnow()]
    monkeypatch.setattr(part_route, "now", lambda: clock[0])
    stored = ask_part(client, auth, rich_customer["id"])
    clock[0] += dt.timedelta(days=3650)
    with sent_statements(app) as sent:
        assert ask_part(client, auth, rich_customer["id"]).data == stored.data
    assert len(sent) == 1


def test_another_accounts_customer_is_404_and_nothing_is_stored(client, other_auth, auth, database, rich_customer):
    assert_404_and_nothing_stored(client, auth, other_auth, database, rich_customer["id"])
