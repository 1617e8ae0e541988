"""Who did it: a call logged by hand and a statement asked for show the user's display name, not a token subject."""
import uuid


def test_a_logged_call_shows_who_by_name(client, make_token, account_id, add_customer):
    token = make_token(account_id, sub="6b0e0f7a-5c3a-4e8b-a1f7-6d0e9c2b4a83", name="Dana Whitfield")
    named = {"Authorization": f"Bearer {token}"}
    customer_id = add_customer(phones=["+15125550142"])
    response = client.post("/communications", json={"customer_id": str(customer_id), "channel": "call",
                                                     "direction": "inbound", "subject": "AC not cooling"},
                           headers=named)
    assert response.status_code == 201, response.json
    assert response.json["handled_by"] == {"kind": "staff", "id": "6b0e0f7a-5c3a-4e8b-a1f7-6d0e9c2b4a83",
                                           "name": "Dana Whitfield"}


def test_a_statement_email_shows_who_asked_by_name(client, auth, app, deliver, envelope, add_customer):
    customer_id = add_customer(emails=["ap@example.com"])
    asked = envelope("statement.requested", customer_id=str(customer_id), email=None,
                     statement_id=str(uuid.uuid4()), requested_by_name="Dana Whitfield")
    assert deliver(app, asked)
    [statement] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert statement["handled_by"]["name"] == "Dana Whitfield"
    assert statement["handled_by"]["id"] == asked["data"]["requested_by"]
