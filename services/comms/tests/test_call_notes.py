"""A note customers keeps about a call shows on the call, in the feed and the workspace part, from note.changed."""
from __future__ import annotations

import uuid

import pytest

PART = "/customers/{}/workspace-part"


@pytest.fixture
def call(client, auth, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    body = {"customer_id": str(customer_id), "channel": "call", "direction": "inbound", "body": "Asked for a visit"}
    response = client.post("/communications", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return customer_id, response.json["id"]


@pytest.fixture
def note_changed(app, deliver, envelope, call):
    """``note_changed(body=..., changed_at=...)`` delivers the example note.changed about the call; True if applied."""
    customer_id, communication_id = call

    def send(**data) -> bool:
        return deliver(app, envelope("note.changed", **{"customer_id": str(customer_id),
                                                        "communication_id": communication_id, **data}))

    return send


def _shown(client, auth, customer_id) -> tuple[list, list]:
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    part = client.get(PART.format(customer_id), headers=auth).json["communications"]["items"]
    return [c["notes"] for c in feed], [c["notes"] for c in part]


def test_a_note_about_a_call_shows_on_the_call_in_the_feed_and_the_workspace(client, auth, call, note_changed):
    customer_id, communication_id = call
    assert _shown(client, auth, customer_id) == ([[]], [[]])
    note_id = str(uuid.uuid4())
    assert note_changed(note_id=note_id, body="Wants the quote by **Friday**",
                        changed_at="2026-11-02T14:10:12Z")
    expected = [[{"id": note_id, "body": "Wants the quote by **Friday**"}]]
    assert _shown(client, auth, customer_id) == (expected, expected)
    assert client.get(f"/communications/{communication_id}", headers=auth).json["notes"] == expected[0]

    assert note_changed(note_id=note_id, body="Quote by Monday instead", changed_at="2026-11-02T15:00:00Z")
    expected = [[{"id": note_id, "body": "Quote by Monday instead"}]]
    assert _shown(client, auth, customer_id) == (expected, expected)


def test_an_older_or_repeated_change_changes_nothing(app, client, auth, deliver, call, note_changed):
    customer_id, _ = call
    note_id = str(uuid.uuid4())
    assert note_changed(note_id=note_id, body="newest", changed_at="2026-11-02T15:00:00Z")
    assert note_changed(note_id=note_id, body="older edit, late", changed_at="2026-11-02T14:00:00Z")
    assert note_changed(note_id=note_id, body="same moment, again", changed_at="2026-11-02T15:00:00Z")
    expected = [[{"id": note_id, "body": "newest"}]]
    assert _shown(client, auth, customer_id) == (expected, expected)


def test_an_unlinked_or_deleted_note_leaves_the_call_and_does_not_come_back(client, auth, call, note_changed):
    customer_id, _ = call
    kept, unlinked = str(uuid.uuid4()), str(uuid.uuid4())
    assert note_changed(note_id=kept, body="to delete", changed_at="2026-11-02T14:00:00Z")
    assert note_changed(note_id=unlinked, body="to unlink", changed_at="2026-11-02T14:01:00Z")
    assert note_changed(note_id=kept, body="to delete", deleted=True, changed_at="2026-11-02T15:00:00Z")
    assert note_changed(note_id=unlinked, body="to unlink", communication_id=None, changed_at="2026-11-02T15:00:00Z")
    assert _shown(client, auth, customer_id) == ([[]], [[]])
    # the link, delivered late, must not bring either back
    assert note_changed(note_id=kept, body="to delete", changed_at="2026-11-02T14:30:00Z")
    assert note_changed(note_id=unlinked, body="to unlink", changed_at="2026-11-02T14:30:00Z")
    assert _shown(client, auth, customer_id) == ([[]], [[]])


def test_another_accounts_note_never_shows(client, auth, call, note_changed, app, deliver, envelope):
    customer_id, communication_id = call
    other = uuid.uuid4()
    assert deliver(app, envelope("note.changed", account=other, communication_id=communication_id,
                                 note_id=str(uuid.uuid4()), changed_at="2026-11-02T14:00:00Z"))
    assert _shown(client, auth, customer_id) == ([[]], [[]])
