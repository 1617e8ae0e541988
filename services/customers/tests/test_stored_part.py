"""The workspace part is answered from the part store while nothing it shows has changed, and recomputed after any
write to what it shows (routes, the geocoding adapter, event handlers, merges on either side); time alone never
changes it."""
from __future__ import annotations

import datetime as dt
import functools
import uuid
from types import SimpleNamespace

import pytest

import customers.entrypoints.http.workspace_part as part_route
from chassis import wire_json
from fieldwork_contracts.checking import example
from chassis.testing.part_store import (ask_part, assert_404_and_nothing_stored, assert_recomputed, assert_stored,
                                        unwatched_tables)
from chassis.request_context import now
from chassis.testing.statements import sent_statements
from customers.entrypoints.http.schemas.responses import CustomersPart
from customers.service_layer.workspace import workspace_part

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


@pytest.fixture
def database(app):
    return app.extensions["fieldwork"].database


def _call(client, auth, method, path, status, **kwargs):
    response = getattr(client, method)(path, headers=auth, **kwargs)
    assert response.status_code == status, response.get_json(silent=True)
    return response.get_json(silent=True)


def _computed(app, account_id, customer_id) -> bytes:
    """The part as computed right now, bypassing the store, in the bytes the route sends."""
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        document, _ = workspace_part(session, uuid.UUID(customer_id), activity_limit=20, now=now())
        return wire_json.dumps(CustomersPart().dump(document))


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _event(event_type, account_id, customer_id, **data):
    envelope = example(event_type, account_id)
    envelope["id"] = str(uuid.uuid4())
    body = envelope["data"].get("communication") or envelope["data"].get("job") or envelope["data"]
    body.update(customer_id=customer_id, **data)
    return envelope


def _work_event(event_type, account_id, customer_id, **data):
    # Work older than the status the rich customer was given by hand would (rightly) not move it.
    later = _iso(dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1))
    envelope = _event(event_type, account_id, customer_id, **data)
    envelope["occurred_at"] = later
    if "changed_at" in envelope["data"]:
        envelope["data"]["changed_at"] = later
    return envelope


def test_every_account_owned_table_and_the_directory_is_watched(database):
    assert unwatched_tables(database, "known_customers") == set()


def test_the_second_ask_is_one_statement_with_the_same_bytes(app, client, auth, rich):
    assert_stored(app, lambda: ask_part(client, auth, rich))


def _merge_in(w):
    duplicate = w.create("Dana W", contacts=[{"name": "Dana W", "emails": ["dana.w@example.com"]}])
    w.call("post", f"/customers/{w.rich}/merge", 201, json={"duplicate_id": duplicate["id"]})


def _merge_away(w):
    target = w.create("Dana Whitfield")
    w.call("post", f"/customers/{target['id']}/merge", 201, json={"duplicate_id": w.rich})


def _undo_merge(w):
    target = w.create("Dana Whitfield")
    merge = w.call("post", f"/customers/{target['id']}/merge", 201, json={"duplicate_id": w.rich})
    w.stored = w.ask(w.rich)  # stored while merged away: the undo must not leave it answered
    w.call("post", f"/merges/{merge['id']}/undo", 200)


def _unpinned_note(w) -> str:
    notes = w.call("get", f"/customers/{w.rich}/notes?limit=50", 200)["items"]
    return next(n["id"] for n in notes if not n["pinned"])


# One write of each kind the part shows, through the service's routes and its event handlers; the ones that change
# only rows under a contact or a property (phones, emails, equipment) leave the customer's own row alone, so they
# prove the watch through the parent.
WRITES = {
    "the customer's fields": lambda w: w.call("patch", f"/customers/{w.rich}", 200, json={"display_name": "Dana W."}),
    "a follow-up date": lambda w: w.call("patch", f"/customers/{w.rich}", 200,
                                         json={"next_follow_up_at": "2026-12-01T15:00:00Z"}),
    "a status set by hand": lambda w: w.call("post", f"/customers/{w.rich}/status", 200, json={"to": "active"}),
    "archived": lambda w: w.call("post", f"/customers/{w.rich}/archive", 200),
    "a tag added": lambda w: w.call("post", f"/customers/{w.rich}/tags", 200, json={"tag": "Gold"}),
    "a tag removed": lambda w: w.call("delete", f"/customers/{w.rich}/tags/VIP", 200),
    "a contact added": lambda w: w.call("post", f"/customers/{w.rich}/contacts", 201, json={"name": "Lee"}),
    "a contact renamed": lambda w: w.call("patch", f"/customers/{w.rich}/contacts/{w.contacts[0]}", 200,
                                          json={"name": "Dana Whitfield"}),
    "a phone's label": lambda w: w.call("patch", f"/customers/{w.rich}/contacts/{w.contacts[0]}", 200, json={
        "phones": [{"number": "512-555-0142", "label": "work"}, {"number": "512-555-0100"}]}),
    "an email's case": lambda w: w.call("patch", f"/customers/{w.rich}/contacts/{w.contacts[0]}", 200,
                                        json={"emails": ["Dana@Example.com", "d@work.com"]}),
    "a contact removed": lambda w: w.call("delete", f"/customers/{w.rich}/contacts/{w.contacts[1]}", 204),
    "a property added": lambda w: w.call("post", f"/customers/{w.rich}/properties", 201,
                                         json={**ADDRESS, "line1": "77 Hill St"}),
    "a property's access notes": lambda w: w.call("patch", f"/customers/{w.rich}/properties/{w.properties[1]}", 200,
                                                  json={"access_notes": "Gate 9999"}),
    "a property removed": lambda w: w.call("delete", f"/customers/{w.rich}/properties/{w.properties[1]}", 204),
    "geocoded again by the adapter": lambda w: w.call(
        "post", f"/customers/{w.rich}/properties/{w.properties[0]}/geocode", 200),
    "equipment added": lambda w: w.call("post", f"/customers/{w.rich}/properties/{w.properties[0]}/equipment", 201,
                                        json={"kind": "air_conditioner", "make": "Carrier"}),
    "equipment edited": lambda w: w.call(
        "patch", f"/customers/{w.rich}/properties/{w.properties[0]}/equipment/{w.equipment[0]}", 200,
        json={"kind": "furnace", "serial": "LX-2231", "warranty_until": "2029-04-02"}),
    "equipment removed": lambda w: w.call(
        "delete", f"/customers/{w.rich}/properties/{w.properties[0]}/equipment/{w.equipment[0]}", 204),
    "a note added": lambda w: w.call("post", f"/customers/{w.rich}/notes", 201, json={"body": "Gate code changed"}),
    "a note pinned": lambda w: w.call("patch", f"/customers/{w.rich}/notes/{_unpinned_note(w)}", 200,
                                      json={"body": "note 1\nmore", "pinned": True}),
    "a pinned note edited": lambda w: w.call("patch", f"/customers/{w.rich}/notes/{w.pinned_notes[0]}", 200,
                                             json={"body": "Dog in the yard"}),
    "a pinned note deleted": lambda w: w.call("delete", f"/customers/{w.rich}/notes/{w.pinned_notes[0]}", 204),
    "a merge into the customer": _merge_in,
    "a merge away from the customer": _merge_away,
    "an undone merge": _undo_merge,
    "communication.logged (last contacted)": lambda w: w.deliver(w.app, _event(
        "communication.logged", w.account_id, w.rich)),
    "estimate.status_changed (quoted)": lambda w: w.deliver(w.app, _work_event(
        "estimate.status_changed", w.account_id, w.rich)),
    "job.created (active)": lambda w: w.deliver(w.app, _work_event("job.created", w.account_id, w.rich)),
    "job.status_changed (active)": lambda w: w.deliver(w.app, _work_event(
        "job.status_changed", w.account_id, w.rich)),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_makes_the_next_answer_the_freshly_computed_one(app, client, auth, create, deliver, account_id, rich,
                                                                 write):
    profile = client.get(f"/customers/{rich}", headers=auth).get_json()
    ask = functools.partial(ask_part, client, auth)
    writer = SimpleNamespace(
        app=app, deliver=deliver, account_id=account_id, create=create, ask=ask, rich=rich,
        call=functools.partial(_call, client, auth), contacts=[c["id"] for c in profile["contacts"]],
        properties=[p["id"] for p in profile["properties"]],
        equipment=[e["id"] for e in profile["properties"][0]["equipment"]],
        pinned_notes=[n["id"] for n in profile["pinned_notes"]])
    writer.stored = ask(rich)
    write(writer)
    fresh = assert_recomputed(app, lambda: ask(rich))
    assert fresh.data != writer.stored.data
    assert fresh.data == _computed(app, account_id, rich)


def _ask_counted(app, client, auth, customer_id):
    with sent_statements(app) as sent:
        response = ask_part(client, auth, customer_id)
    return response, len(sent)


def test_a_merge_and_its_undo_make_both_customers_parts_stale(app, client, auth, create, account_id, rich):
    duplicate = create("Dana W", contacts=[{"name": "Dana W", "emails": ["dana.w@example.com"]}])["id"]
    before = {customer: ask_part(client, auth, customer).data for customer in (rich, duplicate)}
    merge = _call(client, auth, "post", f"/customers/{rich}/merge", 201, json={"duplicate_id": duplicate})
    merged = {}
    for customer in (rich, duplicate):
        response, statements = _ask_counted(app, client, auth, customer)
        assert statements > 1 and response.data != before[customer]
        assert response.data == _computed(app, account_id, customer)
        merged[customer] = response.data
    assert wire_json.loads(merged[duplicate])["profile"]["merged_into"] == rich
    assert "dana.w@example.com" in merged[rich].decode()
    _call(client, auth, "post", f"/merges/{merge['id']}/undo", 200)
    for customer in (rich, duplicate):
        response, statements = _ask_counted(app, client, auth, customer)
        assert statements > 1 and response.data != merged[customer]
        assert response.data == _computed(app, account_id, customer)
    assert wire_json.loads(ask_part(client, auth, duplicate).data)["profile"]["merged_into"] is None


def test_renaming_a_related_customer_makes_the_part_that_shows_its_name_stale(app, client, auth, create, account_id,
                                                                              rich):
    payer = create("Parent Corp")["id"]
    _call(client, auth, "post", f"/customers/{rich}/relations", 201, json={"related_id": payer, "kind": "bill_to"})
    ask_part(client, auth, rich)
    _call(client, auth, "patch", f"/customers/{payer}", 200, json={"display_name": "Parent Holdings"})
    response, statements = _ask_counted(app, client, auth, rich)
    assert statements > 1 and response.data == _computed(app, account_id, rich)
    [related] = wire_json.loads(response.data)["related_customers"]["items"]
    assert related["customer"]["display_name"] == "Parent Holdings"


def test_a_write_about_another_customer_leaves_the_stored_part(app, client, auth, create, rich):
    ask_part(client, auth, rich)
    other = create("Ray Ortiz")["id"]
    _call(client, auth, "post", f"/customers/{other}/notes", 201, json={"body": "Someone else", "pinned": True})
    _, statements = _ask_counted(app, client, auth, rich)
    assert statements == 1


def test_time_alone_never_makes_the_part_stale_but_an_open_invite_expiring_does(app, client, auth, account_id, rich,
                                                                                 monkeypatch):
    # The dates in the part that pass (a follow-up, a warranty's end) are shown as stored: none of them makes the
    # part differ once passed. An open portal invite leaves the open ones when it expires: the part holds until then.
    today = dt.datetime.now(dt.timezone.utc)
    profile = _call(client, auth, "patch", f"/customers/{rich}", 200,
                    json={"next_follow_up_at": _iso(today + dt.timedelta(days=1))})
    prop = profile["properties"][0]
    _call(client, auth, "patch", f"/customers/{rich}/properties/{prop['id']}/equipment/{prop['equipment'][0]['id']}",
          200, json={"kind": "furnace", "warranty_until": (today + dt.timedelta(days=1)).date().isoformat()})
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        assert workspace_part(session, uuid.UUID(rich), activity_limit=20, now=now())[1] is None

    # The route reads the service's clock once per request; moving it is moving time for the route.
    clock = [today]
    monkeypatch.setattr(part_route, "now", lambda: clock[0])
    stored = ask_part(client, auth, rich)
    clock[0] = today + dt.timedelta(days=3650)
    later, statements = _ask_counted(app, client, auth, rich)
    assert statements == 1 and later.data == stored.data == _computed(app, account_id, rich)

    clock[0] = today
    _call(client, auth, "post", f"/customers/{rich}/portal-invites", 201,
          json={"email": "dana@example.com", "expires_in_days": 1})
    with_invite = wire_json.loads(ask_part(client, auth, rich).data)
    assert [i["email"] for i in with_invite["portal_invites"]["items"]] == ["dana@example.com"]
    clock[0] = today + dt.timedelta(hours=23)
    assert _ask_counted(app, client, auth, rich)[1] == 1
    clock[0] = today + dt.timedelta(days=2)
    expired, statements = _ask_counted(app, client, auth, rich)
    assert statements > 1 and wire_json.loads(expired.data)["portal_invites"]["items"] == []


def test_another_accounts_customer_is_404_and_nothing_is_stored(client, auth, other_auth, database, rich):
    assert_404_and_nothing_stored(client, auth, other_auth, database, rich)
