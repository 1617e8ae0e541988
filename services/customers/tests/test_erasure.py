"""Erasing a customer: personal data gone from every table, a pseudonym left, one event, an audit entry."""
import uuid

from sqlalchemy import text, update

from chassis.db.schema import outbox
from chassis.testing.erasure import where_held


def _person(tag: str) -> dict:
    return {"name": f"Imogen Quarrington{tag}", "email": f"imogen.{tag}@example.com", "phone": "512-555-0177",
            "street": f"{tag[:4]} Thistlewood Ln", "serial": f"SN-{tag}", "access": f"Gate code {tag}"}


def _all_sent(app) -> None:
    """What the relay does: the events already went out (only sent rows are history an erasure may remove)."""
    with app.extensions["fieldwork"].database.engine.begin() as connection:
        connection.execute(update(outbox).where(outbox.c.sent_at.is_(None)).values(sent_at=text("now()")))


def _held(app, values) -> list:
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return where_held(connection, values)


def _erasable(create, client, auth, person) -> dict:
    customer = create(person["name"], company=f"{person['name']} Holdings", lead_source="Referral", tags=["VIP"],
                      contacts=[{"name": person["name"], "emails": [person["email"]],
                                 "phones": [{"number": person["phone"]}]}],
                      properties=[{"line1": person["street"], "city": "Austin", "region": "TX",
                                   "postal_code": "78731", "access_notes": person["access"]}])
    prop = customer["properties"][0]["id"]
    assert client.post(f"/customers/{customer['id']}/properties/{prop}/equipment", headers=auth,
                       json={"kind": "furnace", "serial": person["serial"]}).status_code == 201
    assert client.post(f"/customers/{customer['id']}/notes", headers=auth,
                       json={"body": f"{person['name']} prefers mornings", "pinned": True}).status_code == 201
    return customer


def test_erasure_leaves_a_pseudonym_and_no_personal_data_anywhere(app, client, auth, create, emitted, account_id):
    tag = uuid.uuid4().hex[:10]
    person = _person(tag)
    customer = _erasable(create, client, auth, person)
    duplicate = create(f"{person['name']} Dup", contacts=[{"name": "Imo", "emails": [f"dup.{tag}@example.com"]}])
    assert client.post(f"/customers/{customer['id']}/merge", headers=auth,
                       json={"duplicate_id": duplicate["id"]}).status_code == 201
    _all_sent(app)
    values = [person["name"], person["email"], f"dup.{tag}@example.com", person["street"], person["serial"],
              person["access"], tag]
    assert _held(app, values)  # the scan can fail: before the erasure they are there

    response = client.post(f"/customers/{customer['id']}/erase", headers=auth,
                           json={"confirm_name": f"  {person['name'].upper()} "})
    assert response.status_code == 200, response.json
    erasure = response.json
    pseudonym = f"Erased customer {customer['number']}"
    assert erasure["pseudonym"] == pseudonym and erasure["customer_number"] == customer["number"]
    assert erasure["erased_by"] == "user-1"

    assert _held(app, values) == []
    profile = client.get(f"/customers/{customer['id']}", headers=auth).json
    assert profile["display_name"] == pseudonym and profile["company"] is None
    assert profile["contacts"] == [] and profile["properties"] == [] and profile["tags"] == []
    assert client.get(f"/customers/{duplicate['id']}", headers=auth).json["display_name"] == pseudonym
    assert client.get(f"/customers/{customer['id']}/notes", headers=auth).json["items"] == []
    assert client.get("/customers", headers=auth, query_string={"q": "Quarrington"}).json["items"] == []

    [event] = emitted(app, account_id, "customer.erased")
    assert event["data"] == {"customer_id": customer["id"], "number": customer["number"], "pseudonym": pseudonym,
                             "merged_ids": [duplicate["id"]], "revision": profile["revision"],
                             "erased_at": event["data"]["erased_at"]}
    trail = client.get("/erasures", headers=auth).json["items"]
    assert [(e["customer_id"], e["pseudonym"]) for e in trail] == [(customer["id"], pseudonym)]


def test_erasing_again_answers_the_first_erasure_and_emits_nothing_more(client, auth, create, app, emitted,
                                                                         account_id):
    customer = create("Oswin Pettigrew")
    first = client.post(f"/customers/{customer['id']}/erase", headers=auth, json={"confirm_name": "Oswin Pettigrew"})
    again = client.post(f"/customers/{customer['id']}/erase", headers=auth, json={"confirm_name": "anything"})
    assert first.status_code == again.status_code == 200
    assert again.json == first.json
    assert len(emitted(app, account_id, "customer.erased")) == 1


def test_the_name_must_be_typed_and_the_permission_held(client, auth, create, make_token, account_id, other_auth,
                                                        table_counts):
    customer = create("Oswin Pettigrew")
    before = table_counts()
    wrong = client.post(f"/customers/{customer['id']}/erase", headers=auth, json={"confirm_name": "Oswin"})
    assert wrong.status_code == 422 and "confirm_name" in wrong.json["error"]["fields"]
    editor = {"Authorization": f"Bearer {make_token(account_id, perms=('customers:view', 'customers:edit'))}"}
    refused = client.post(f"/customers/{customer['id']}/erase", headers=editor,
                          json={"confirm_name": "Oswin Pettigrew"})
    assert refused.status_code == 403
    elsewhere = client.post(f"/customers/{customer['id']}/erase", headers=other_auth,
                            json={"confirm_name": "Oswin Pettigrew"})
    assert elsewhere.status_code == 404
    assert table_counts() == before
    assert client.get(f"/customers/{customer['id']}", headers=auth).json["display_name"] == "Oswin Pettigrew"


def test_a_merged_customer_is_erased_through_the_one_it_was_merged_into(client, auth, create):
    target, duplicate = create("Oswin Pettigrew"), create("Oswin Pettigrew")
    assert client.post(f"/customers/{target['id']}/merge", headers=auth,
                       json={"duplicate_id": duplicate["id"]}).status_code == 201
    response = client.post(f"/customers/{duplicate['id']}/erase", headers=auth,
                           json={"confirm_name": "Oswin Pettigrew"})
    assert response.status_code == 409


def test_the_search_vocabulary_forgets_words_nobody_else_holds(app, client, auth, create, account_id):
    rare = f"zq{uuid.uuid4().hex[:8]}"
    customer = create(f"Shared {rare}")
    create("Shared Name")
    client.post(f"/customers/{customer['id']}/erase", headers=auth, json={"confirm_name": f"Shared {rare}"})
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        words = set(connection.execute(text("SELECT word FROM search_vocabulary WHERE account_id = :a"),
                                       {"a": account_id}).scalars())
    assert rare not in words and "shared" in words
