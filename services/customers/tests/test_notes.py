"""Notes: markdown, pinned first, a link to a communication, only the author edits; notes on the timeline."""
import uuid

from fieldwork_contracts.checking import example


def test_notes_pinned_first_and_on_the_profile(create, client, auth, app, deliver, account_id):
    customer = create()
    url = f"/customers/{customer['id']}/notes"
    client.post(url, json={"body": "First call, **wants quote**"}, headers=auth)
    pinned = client.post(url, json={"body": "Gate code 4321", "pinned": True}, headers=auth).json
    comm = str(uuid.uuid4())
    logged = example("communication.logged")
    logged.update(id=str(uuid.uuid4()), account_id=str(account_id))
    logged["data"]["communication"].update(id=comm, customer_id=customer["id"])
    assert deliver(app, logged)
    linked = client.post(url, json={"body": "Re: the call", "communication_id": comm}, headers=auth).json
    assert linked["communication_id"] == comm and linked["author"] == "user-1"
    bodies = [n["body"] for n in client.get(url, headers=auth).json["items"]]
    assert bodies == ["Gate code 4321", "Re: the call", "First call, **wants quote**"]
    assert [n["id"] for n in client.get(f"/customers/{customer['id']}", headers=auth).json["pinned_notes"]] == \
        [pinned["id"]]


def test_only_the_author_edits_or_deletes(create, client, auth, make_token, account_id):
    customer = create()
    url = f"/customers/{customer['id']}/notes"
    note = client.post(url, json={"body": "mine"}, headers=auth).json
    colleague = {"Authorization": f"Bearer {make_token(account_id, sub='user-2')}"}
    assert client.patch(f"{url}/{note['id']}", json={"body": "theirs"}, headers=colleague).status_code == 403
    assert client.delete(f"{url}/{note['id']}", headers=colleague).status_code == 403
    edited = client.patch(f"{url}/{note['id']}", json={"body": "mine, edited", "pinned": True}, headers=auth).json
    assert edited["body"] == "mine, edited" and edited["pinned"] and edited["updated_at"]
    assert client.patch(f"{url}/{note['id']}", json={"body": ""}, headers=auth).status_code == 422
    assert client.delete(f"{url}/{note['id']}", headers=auth).status_code == 204
    assert client.get(url, headers=auth).json["items"] == []


def test_notes_and_status_changes_are_timeline_items_newest_first(create, client, auth):
    customer = create()
    url = f"/customers/{customer['id']}/notes"
    for i in range(2):
        client.post(url, json={"body": f"note {i}\nmore"}, headers=auth)
    client.post(f"/customers/{customer['id']}/status", json={"to": "prospect", "reason": "Called back"}, headers=auth)
    page = client.get(f"/customers/{customer['id']}/activity", query_string={"limit": 2}, headers=auth).json
    assert [(i["kind"], i["title"], i["summary"]) for i in page["items"]] == [
        ("customer", "Status lead → prospect", "Called back"), ("note", "Note", "note 1")]
    rest = client.get(f"/customers/{customer['id']}/activity", query_string={"limit": 2, "cursor": page["next_cursor"]},
                      headers=auth).json
    assert [(i["kind"], i["title"]) for i in rest["items"]] == [("note", "Note"), ("customer", "Added as lead")]
    assert rest["next_cursor"] is None


def test_a_cursor_of_another_shape_is_422(create, client, auth):
    customer = create()
    for url, extra in ((f"/customers/{customer['id']}/activity", {}), ("/customers", {"q": "dana"})):
        response = client.get(url, query_string={"cursor": "WzEsMiwzXQ", **extra}, headers=auth)
        assert response.status_code == 422 and "cursor" in response.json["error"]["fields"], url
