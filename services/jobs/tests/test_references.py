"""A property_id in a body must be the customer's property in the caller's account (422 on the field otherwise);
the properties come with the customer snapshots, and one not heard of yet is asked of the customers API once."""
from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import text

from fieldwork_contracts.checking import example

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}
START = "2026-12-01T09:00:00Z"

# Every body that names a property: (path, body without customer_id and property_id).
CREATES = {
    "job": ("/jobs", {"title": "Furnace tune-up"}),
    "estimate": ("/estimates", {"title": "New garage door"}),
    "plan": ("/plans", {"name": "Spring and fall", "price_per_visit_cents": 12900, "rrule": "FREQ=MONTHLY;INTERVAL=6",
                        "starts_at": START}),
}


def a_property(**address) -> dict:
    return {"id": str(uuid.uuid4()), "address": {**ADDRESS, **address}}


@pytest.fixture
def at(account_id):
    """``at(account)`` → a new customer of ``account`` (this test's by default) with one property, by event:
    (customer id, property id)."""

    def make(new_customer, account=None, **address) -> tuple[str, str]:
        prop = a_property(**address)
        return new_customer(account=account or account_id, properties=[prop]), prop["id"]

    return make


def rows(app, table: str) -> int:
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def create(client, auth, kind: str, customer_id: str, property_id: str, **extra):
    path, body = CREATES[kind]
    return client.post(path, json={**body, "customer_id": customer_id, "property_id": property_id, **extra},
                       headers=auth)


@pytest.mark.parametrize("kind", CREATES)
def test_a_property_of_another_account_is_422_and_nothing_is_written(kind, app, client, auth, at, new_customer):
    _, theirs = at(new_customer, account=uuid.uuid4())
    mine, _ = at(new_customer)
    before = {table: rows(app, table) for table in ("jobs", "estimates", "plans", "outbox")}
    answer = create(client, auth, kind, mine, theirs)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"property_id": ["No such property in this account."]}
    assert {table: rows(app, table) for table in before} == before


@pytest.mark.parametrize("kind", CREATES)
def test_another_customers_property_in_the_same_account_is_422(kind, client, auth, at, new_customer):
    _, neighbours = at(new_customer)
    mine, _ = at(new_customer)
    answer = create(client, auth, kind, mine, neighbours)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"property_id": ["This property is another customer's."]}


@pytest.mark.parametrize("kind", CREATES)
def test_the_customers_own_property_is_kept_with_its_address(kind, client, auth, at, new_customer):
    customer, prop = at(new_customer, line2="Unit 4")
    answer = create(client, auth, kind, customer, prop)
    assert answer.status_code == 201, answer.json
    assert answer.json["property_id"] == prop
    assert answer.json["property_address"] == "4812 Ridgeview Dr, Unit 4, Austin, TX 78731"


def test_an_address_given_with_the_property_is_kept_as_given(client, auth, at, new_customer):
    customer, prop = at(new_customer)
    answer = create(client, auth, "job", customer, prop, property_address="Back gate, 4812 Ridgeview")
    assert answer.status_code == 201 and answer.json["property_address"] == "Back gate, 4812 Ridgeview"


@pytest.mark.parametrize("kind,path", [("job", "/jobs"), ("estimate", "/estimates"), ("plan", "/plans")])
def test_an_edit_to_another_customers_property_is_422_and_changes_nothing(kind, path, client, auth, at,
                                                                         new_customer):
    customer, prop = at(new_customer)
    _, neighbours = at(new_customer)
    record = create(client, auth, kind, customer, prop).json
    answer = client.patch(f"{path}/{record['id']}", json={"property_id": neighbours}, headers=auth)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"property_id": ["This property is another customer's."]}
    assert client.get(f"{path}/{record['id']}", headers=auth).json["property_id"] == prop


def test_a_property_moved_by_an_edit_shows_its_new_address(client, auth, new_customer):
    first, second = a_property(), a_property(line1="9 Lake Rd")
    customer = new_customer(properties=[first, second])
    job = create(client, auth, "job", customer, first["id"]).json
    moved = client.patch(f"/jobs/{job['id']}", json={"property_id": second["id"]}, headers=auth)
    assert moved.status_code == 200
    assert moved.json["property_address"] == "9 Lake Rd, Austin, TX 78731"


def test_a_property_not_heard_of_is_asked_of_the_customers_api_and_kept(client, auth, real_customer,
                                                                         customers_process):
    customer, [prop] = real_customer(properties=[ADDRESS])
    answer = create(client, auth, "job", customer, prop)
    assert answer.status_code == 201, answer.json
    assert answer.json["property_address"] == "4812 Ridgeview Dr, Austin, TX 78731"
    with customers_process.stopped():  # kept from the answer: the second job needs no call
        again = create(client, auth, "job", customer, prop)
    assert again.status_code == 201, again.json
    assert again.json["property_address"] == "4812 Ridgeview Dr, Austin, TX 78731"


def test_a_property_added_after_the_snapshot_held_is_asked_for(client, auth, account_id, real_customer,
                                                               customers_process, deliver, app, emitted):
    """The customer is known by event without the property (its customer.updated is still on the way)."""
    customer, _ = real_customer()
    [created] = [e for e in emitted(customers_process, account_id, "customer.created")
                 if e["data"]["customer"]["id"] == customer]
    assert deliver(app, created)
    added = requests.post(f"{customers_process.url}/customers/{customer}/properties", json=ADDRESS, headers=auth,
                          timeout=10)
    assert added.status_code == 201, added.text
    answer = create(client, auth, "estimate", customer, added.json()["id"])
    assert answer.status_code == 201, answer.json
    assert answer.json["property_address"] == "4812 Ridgeview Dr, Austin, TX 78731"


def test_a_snapshot_keeps_the_customers_properties_and_forgets_removed_ones(client, auth, account_id, deliver, app,
                                                                            new_customer):
    kept, removed = a_property(), a_property(line1="9 Lake Rd")
    customer = new_customer(properties=[kept, removed])
    updated = example("customer.updated")
    updated.update(id=str(uuid.uuid4()), account_id=str(account_id))
    updated["data"]["customer"].update(id=customer, properties=[kept])
    updated["data"].update(revision=2, changed=["properties"])
    assert deliver(app, updated)
    assert create(client, auth, "job", customer, kept["id"]).status_code == 201
    assert create(client, auth, "job", customer, removed["id"]).status_code == 422


def test_a_merge_moves_the_duplicates_properties_to_the_target(client, auth, account_id, deliver, app, new_customer):
    duplicates = a_property(line1="9 Lake Rd")
    duplicate = new_customer(properties=[duplicates])
    target = new_customer(properties=[a_property()])
    updated = example("customer.updated")
    updated.update(id=str(uuid.uuid4()), account_id=str(account_id))
    updated["data"]["customer"].update(id=target, properties=[a_property(), duplicates])
    updated["data"].update(revision=2, changed=["properties"])
    assert deliver(app, updated)
    assert create(client, auth, "job", target, duplicates["id"]).status_code == 201
    assert create(client, auth, "job", duplicate, duplicates["id"]).status_code == 422



def test_an_edit_naming_the_same_property_keeps_the_address_typed(client, auth, at, new_customer):
    customer, prop = at(new_customer)
    job = create(client, auth, "job", customer, prop, property_address="Back gate, 4812 Ridgeview").json
    again = client.patch(f"/jobs/{job['id']}", json={"property_id": prop, "title": "Furnace check"}, headers=auth)
    assert again.status_code == 200 and again.json["property_address"] == "Back gate, 4812 Ridgeview"
