"""Who did it: a customer and its notes show the user's display name, not a token subject."""


def test_a_customer_and_its_note_show_who_by_name(client, make_token, account_id, create):
    named = {"Authorization": f"Bearer {make_token(account_id, sub='6b0e0f7a-user', name='Dana Whitfield')}"}
    customer = create(headers=named)
    assert customer["created_by"] == "Dana Whitfield"
    note = client.post(f"/customers/{customer['id']}/notes", json={"body": "Gate code 4412"}, headers=named)
    assert note.status_code == 201, note.json
    assert note.json["author"] == "Dana Whitfield"


def test_a_status_change_shows_the_name_and_its_event_names_the_user_by_id(app, client, make_token, account_id,
                                                                          create, emitted):
    user_id = "6b0e0f7a-5c3a-4e8b-a1f7-6d0e9c2b4a83"
    named = {"Authorization": f"Bearer {make_token(account_id, sub=user_id, name='Dana Whitfield')}"}
    customer = create(headers=named)
    moved = client.post(f"/customers/{customer['id']}/status", json={"to": "prospect"}, headers=named)
    assert moved.status_code == 200, moved.json
    history = client.get(f"/customers/{customer['id']}/status", headers=named).json["items"]
    assert history[0]["changed_by"] == "Dana Whitfield"
    [event] = emitted(app, account_id, "customer.status_changed")
    assert event["data"]["changed_by"] == user_id
