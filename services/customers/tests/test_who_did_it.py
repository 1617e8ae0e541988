"""Who did it: a customer and its notes show the user's display name, not a token subject."""


def test_a_customer_and_its_note_show_who_by_name(client, make_token, account_id, create):
    named = {"Authorization": f"Bearer {make_token(account_id, sub='6b0e0f7a-user', name='Dana Whitfield')}"}
    customer = create(headers=named)
    assert customer["created_by"] == "Dana Whitfield"
    note = client.post(f"/customers/{customer['id']}/notes", json={"body": "Gate code 4412"}, headers=named)
    assert note.status_code == 201, note.json
    assert note.json["author"] == "Dana Whitfield"
