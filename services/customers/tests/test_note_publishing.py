"""A note about a communication is published as `note.changed` on every change, so comms can show it on its call."""
import uuid

from fieldwork_contracts.checking import example


def _logged_call(app, deliver, account_id, customer_id) -> str:
    comm = str(uuid.uuid4())
    logged = example("communication.logged")
    logged.update(id=str(uuid.uuid4()), account_id=str(account_id))
    logged["data"]["communication"].update(id=comm, customer_id=customer_id)
    assert deliver(app, logged)
    return comm


def test_a_linked_note_is_published_as_written_edited_moved_unlinked_and_deleted(create, client, auth, app, deliver,
                                                                                  emitted, account_id):
    customer = create()
    url = f"/customers/{customer['id']}/notes"
    first, second = (_logged_call(app, deliver, account_id, customer["id"]) for _ in range(2))
    client.post(url, json={"body": "not about a call"}, headers=auth)
    note = client.post(url, json={"body": "Re: the call", "communication_id": first}, headers=auth).json
    client.patch(f"{url}/{note['id']}", json={"body": "Re: the call, edited", "pinned": True}, headers=auth)
    client.patch(f"{url}/{note['id']}", json={"communication_id": second}, headers=auth)
    client.patch(f"{url}/{note['id']}", json={"communication_id": None}, headers=auth)
    assert client.delete(f"{url}/{note['id']}", headers=auth).status_code == 204

    events = [e["data"] for e in emitted(app, account_id, "note.changed")]
    assert [(e["communication_id"], e["body"], e["pinned"], e["deleted"]) for e in events] == [
        (first, "Re: the call", False, False),
        (first, "Re: the call, edited", True, False),
        (second, "Re: the call, edited", True, False),
        (None, "Re: the call, edited", True, False),
    ]
    assert {(e["note_id"], e["customer_id"]) for e in events} == {(note["id"], customer["id"])}
    assert [e["changed_at"] for e in events] == sorted(e["changed_at"] for e in events)


def test_deleting_a_linked_note_is_published_and_unlinked_notes_publish_nothing(create, client, auth, app, deliver,
                                                                                 emitted, account_id):
    customer = create()
    url = f"/customers/{customer['id']}/notes"
    comm = _logged_call(app, deliver, account_id, customer["id"])
    plain = client.post(url, json={"body": "plain"}, headers=auth).json
    client.patch(f"{url}/{plain['id']}", json={"body": "plain, edited"}, headers=auth)
    client.delete(f"{url}/{plain['id']}", headers=auth)
    assert emitted(app, account_id, "note.changed") == []

    linked = client.post(url, json={"body": "about the call", "communication_id": comm}, headers=auth).json
    assert client.delete(f"{url}/{linked['id']}", headers=auth).status_code == 204
    events = [e["data"] for e in emitted(app, account_id, "note.changed")]
    assert [(e["note_id"], e["communication_id"], e["deleted"]) for e in events] == [
        (linked["id"], comm, False), (linked["id"], comm, True)]
