"""Portal invites: a signed, expiring, single-use magic link, listed per customer, redeemed once by the portal."""
import datetime as dt

from sqlalchemy import text



def _invite(client, auth, create, **body):
    customer = create(contacts=[{"name": "Dana", "emails": ["dana@example.com"]}])
    response = client.post(f"/customers/{customer['id']}/portal-invites", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return customer, response.json


def test_an_invite_is_requested_with_a_magic_link(client, auth, create, app, emitted, account_id):
    customer, invite = _invite(client, auth, create, expires_in_days=3)
    assert invite["email"] == "dana@example.com" and invite["status"] == "pending"
    event = emitted(app, account_id, "portal.invite_requested")[0]["data"]
    assert event["invite_id"] == invite["id"] and event["customer_name"] == "Dana Whitfield"
    assert event["magic_link"].startswith("https://portal.example.test/magic/")
    expires = dt.datetime.fromisoformat(event["expires_at"].replace("Z", "+00:00"))
    assert dt.timedelta(days=2, hours=23) < expires - dt.datetime.now(dt.timezone.utc) <= dt.timedelta(days=3)
    listed = client.get(f"/customers/{customer['id']}/portal-invites", headers=auth).json["items"]
    assert [i["id"] for i in listed] == [invite["id"]]


def test_redeem_once_then_refused(client, auth, create, app, emitted, account_id):
    customer, invite = _invite(client, auth, create)
    token = emitted(app, account_id, "portal.invite_requested")[0]["data"]["magic_link"].rsplit("/", 1)[1]
    first = client.post("/portal/redeem", json={"token": token})
    assert first.status_code == 200
    assert first.json == {"customer_id": customer["id"], "account_id": str(account_id)}
    again = client.post("/portal/redeem", json={"token": token})
    assert again.status_code == 401 and again.json["error"]["code"] == "unauthorized"
    listed = client.get(f"/customers/{customer['id']}/portal-invites", headers=auth).json["items"]
    assert listed[0]["status"] == "redeemed" and listed[0]["redeemed_at"]


def test_a_forged_or_expired_token_is_refused(client, auth, create, app, emitted, account_id):
    _customer, invite = _invite(client, auth, create)
    token = emitted(app, account_id, "portal.invite_requested")[0]["data"]["magic_link"].rsplit("/", 1)[1]
    assert client.post("/portal/redeem", json={"token": token[:-3] + "abc"}).status_code == 401
    with app.extensions["fieldwork"].database.engine.begin() as connection:
        connection.execute(text("UPDATE portal_invites SET expires_at = now() - interval '1 minute' WHERE id = :i"),
                           {"i": invite["id"]})
    assert client.post("/portal/redeem", json={"token": token}).status_code == 401
    assert client.post("/portal/redeem", json={}).status_code == 422


def test_an_invite_needs_an_email(client, auth, create, table_counts):
    customer = create()
    before = table_counts()
    response = client.post(f"/customers/{customer['id']}/portal-invites", json={}, headers=auth)
    assert response.status_code == 422 and "email" in response.json["error"]["fields"]
    assert client.post(f"/customers/{customer['id']}/portal-invites", json={"email": "nope"},
                       headers=auth).status_code == 422
    assert table_counts() == before
    given = client.post(f"/customers/{customer['id']}/portal-invites", json={"email": "x@example.com"}, headers=auth)
    assert given.status_code == 201 and given.json["email"] == "x@example.com"


def test_a_merged_customers_invite_opens_the_target(client, auth, create, app, emitted, account_id):
    customer, _invite_body = _invite(client, auth, create)
    target = create("Target")
    client.post(f"/customers/{target['id']}/merge", json={"duplicate_id": customer["id"]}, headers=auth)
    token = emitted(app, account_id, "portal.invite_requested")[0]["data"]["magic_link"].rsplit("/", 1)[1]
    assert client.post("/portal/redeem", json={"token": token}).json["customer_id"] == target["id"]
