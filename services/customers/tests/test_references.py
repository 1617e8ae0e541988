"""A note's communication_id must be one of the customer's communications in the caller's account (422 on the
field otherwise): customers keeps them from communication.logged and asks the comms API about one not heard of."""
from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import text

from fieldwork_contracts.checking import example


@pytest.fixture
def logged(app, deliver, account_id):
    """``logged(customer_id, account)`` → the id of a communication customers heard of through its event."""

    def make(customer_id: str | None, account=None) -> str:
        envelope = example("communication.logged")
        communication_id = str(uuid.uuid4())
        envelope.update(id=str(uuid.uuid4()), account_id=str(account or account_id))
        envelope["data"]["communication"].update(id=communication_id, customer_id=customer_id)
        assert deliver(app, envelope)
        return communication_id

    return make


def notes(app) -> int:
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM notes")).scalar()


def add_note(client, auth, customer, communication_id):
    return client.post(f"/customers/{customer['id']}/notes",
                       json={"body": "Re: the call", "communication_id": communication_id}, headers=auth)


def test_another_accounts_communication_is_422_and_nothing_is_written(app, client, auth, create, logged,
                                                                      make_token):
    elsewhere = uuid.uuid4()
    theirs = create(headers={"Authorization": f"Bearer {make_token(elsewhere)}"})
    their_call = logged(theirs["id"], elsewhere)
    before = notes(app)
    answer = add_note(client, auth, create(), their_call)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"communication_id": ["No such communication in this account."]}
    assert notes(app) == before


def test_another_customers_communication_in_the_same_account_is_422(client, auth, create, logged):
    neighbours_call = logged(create(display_name="Sam Ortiz")["id"])
    answer = add_note(client, auth, create(), neighbours_call)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"communication_id": ["This communication is another customer's."]}


def test_a_communication_that_matched_no_customer_is_422(client, auth, create, logged):
    answer = add_note(client, auth, create(), logged(None))
    assert answer.status_code == 422 and set(answer.json["error"]["fields"]) == {"communication_id"}


def test_the_customers_own_communication_is_201(client, auth, create, logged):
    customer = create()
    call = logged(customer["id"])
    answer = add_note(client, auth, customer, call)
    assert answer.status_code == 201 and answer.json["communication_id"] == call


def test_an_edit_to_another_customers_communication_is_422_and_changes_nothing(client, auth, create, logged):
    customer = create()
    note = add_note(client, auth, customer, logged(customer["id"])).json
    url = f"/customers/{customer['id']}/notes/{note['id']}"
    answer = client.patch(url, json={"communication_id": logged(create(display_name="Sam Ortiz")["id"])},
                          headers=auth)
    assert answer.status_code == 422 and set(answer.json["error"]["fields"]) == {"communication_id"}
    [kept] = [n for n in client.get(f"/customers/{customer['id']}/notes", headers=auth).json["items"]
              if n["id"] == note["id"]]
    assert kept["communication_id"] == note["communication_id"]


def _call(process, method, path, auth, body):
    answer = requests.request(method, f"{process.url}{path}", json=body, headers=auth, timeout=10)
    return answer.status_code, answer.json()


def test_a_communication_not_heard_of_is_asked_of_the_comms_api_and_kept(customers_and_comms, auth):
    """Both services real: a call logged in comms, then a note about it in customers, which has not heard of the
    call by event and asks comms; stopped comms, a second note about the same call still goes in."""
    customers, comms = customers_and_comms
    status, customer = _call(customers, "POST", "/customers", auth, {"display_name": "Dana Whitfield"})
    assert status == 201, customer
    status, call = _call(comms, "POST", "/communications", auth, {
        "customer_id": customer["id"], "channel": "call", "direction": "inbound", "subject": "AC not cooling"})
    assert status == 201, call
    note = {"body": "Re: the call", "communication_id": call["id"]}
    status, first = _call(customers, "POST", f"/customers/{customer['id']}/notes", auth, note)
    assert status == 201 and first["communication_id"] == call["id"], first
    with comms.stopped():
        status, second = _call(customers, "POST", f"/customers/{customer['id']}/notes", auth, note)
    assert status == 201 and second["communication_id"] == call["id"], second


def test_a_communication_nobody_has_is_422_after_asking_the_comms_api(client, auth, create):
    call = str(uuid.uuid4())
    answer = add_note(client, auth, create(), call)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"communication_id": ["No such communication in this account."]}


def test_a_communication_of_a_duplicate_merged_into_the_customer_is_the_customers(client, auth, create, logged):
    """comms moves the duplicate's communications to the target without a new communication.logged."""
    target, duplicate = create(), create(display_name="Dana W.")
    call = logged(duplicate["id"])
    merged = client.post(f"/customers/{target['id']}/merge", json={"duplicate_id": duplicate["id"]}, headers=auth)
    assert merged.status_code == 201, merged.json
    assert add_note(client, auth, target, call).status_code == 201
