"""customer.erased: communications keep that they happened and lose what was said and to whom."""
import random
import uuid

from chassis.testing.erasure import relayed, where_held


def _values():
    tag = uuid.uuid4().hex[:10]
    return {"tag": tag, "name": f"Leopoldine Farquharson{tag}", "email": f"leo.{tag}@example.com",
            "phone": f"+1512{random.randint(2000000, 9999999)}"}


def _erased(envelope, customer_id, revision=9) -> dict:
    return envelope("customer.erased", customer_id=str(customer_id), merged_ids=[], revision=revision)


def test_what_was_said_and_to_whom_goes(app, client, auth, add_customer, deliver, envelope, post_webhook,
                                       account_id):
    v = _values()
    customer_id = add_customer(phones=[v["phone"]], emails=[v["email"]], name=v["name"])
    call = client.post("/communications", headers=auth, json={
        "customer_id": str(customer_id), "channel": "call", "direction": "inbound", "from": v["phone"],
        "body": f"Spoke about {v['tag']}", "transcript": f"Hello this is {v['name']}",
        "recording_url": f"https://recordings.example.com/{v['tag']}.mp3"})
    assert call.status_code == 201, call.json
    queued = client.post("/messages", headers=auth, json={
        "customer_id": str(customer_id), "channel": "email", "subject": f"Hi {v['name']}", "body": f"Dear {v['tag']}"})
    assert queued.status_code == 202, queued.json
    assert deliver(app, envelope("note.changed", customer_id=str(customer_id), communication_id=call.json["id"],
                                 body=f"Called back {v['tag']}"))
    stranger = client.post("/communications", headers=auth, json={
        "customer_id": str(add_customer(name="Someone Else")), "channel": "sms", "direction": "inbound",
        "body": "Unrelated words stay"})
    assert stranger.status_code == 201
    client.get(f"/customers/{customer_id}/workspace-part", headers=auth)
    engine = app.extensions["fieldwork"].database.engine
    values = [v["name"], v["email"], v["phone"], v["tag"]]
    with engine.begin() as connection:
        relayed(connection)
        assert where_held(connection, values)

    assert deliver(app, _erased(envelope, customer_id))

    with engine.connect() as connection:
        assert where_held(connection, values) == []
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert sorted((c["channel"], c["status"]) for c in feed) == [("call", "completed"), ("email", "failed")]
    assert all(c["body"] is None and c["notes"] == [] for c in feed)
    assert client.get(f"/communications/{stranger.json['id']}", headers=auth).json["body"] == "Unrelated words stay"


def test_a_snapshot_arriving_late_brings_no_contact_point_back(app, add_customer, deliver, envelope):
    v = _values()
    customer_id = add_customer(phones=[v["phone"]], emails=[v["email"]], name=v["name"], revision=2)
    erasure = _erased(envelope, customer_id, revision=3)
    assert deliver(app, erasure) and not deliver(app, erasure)
    late = envelope("customer.updated", customer=envelope("customer.created")["data"]["customer"] | {
        "id": str(customer_id), "display_name": v["name"], "emails": [v["email"]], "phones": [v["phone"]]},
        revision=2)
    deliver(app, late)
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        assert where_held(connection, [v["name"], v["email"], v["phone"]]) == []
