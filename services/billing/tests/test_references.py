"""An invoice's property_id and job_id must be its customer's in the caller's account (422 on the field otherwise),
and a write whose path names another account's customer is 404."""
from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import text

from fieldwork_contracts.checking import example

ADDRESS = {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
           "country": "US"}
LINES = [{"description": "Furnace tune-up", "unit_price_cents": 10000}]


@pytest.fixture
def customer_at(app, deliver, account_id):
    """``customer_at(account)`` → (customer id, property id): a customer with one property, heard of by event."""

    def make(account=None) -> tuple[str, str]:
        customer_id, property_id = str(uuid.uuid4()), str(uuid.uuid4())
        envelope = example("customer.created")
        envelope.update(id=str(uuid.uuid4()), account_id=str(account or account_id))
        envelope["data"]["customer"].update(id=customer_id, properties=[{"id": property_id, "address": ADDRESS}])
        assert deliver(app, envelope)
        return customer_id, property_id

    return make


@pytest.fixture
def job_of(app, deliver, account_id):
    """``job_of(customer_id, account)`` → the id of a job billing heard of through ``job.created``."""

    def make(customer_id: str, account=None) -> str:
        envelope = example("job.created")
        job_id = str(uuid.uuid4())
        envelope.update(id=str(uuid.uuid4()), account_id=str(account or account_id))
        envelope["data"]["job"].update(id=job_id, customer_id=customer_id, property_id=None)
        assert deliver(app, envelope)
        return job_id

    return make


def written(app) -> dict:
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in ("invoices", "invoice_lines", "outbox")}


def post_invoice(client, auth, customer_id, **references):
    return client.post("/invoices", json={"customer_id": customer_id, "lines": LINES, **references}, headers=auth)


@pytest.mark.parametrize("field", ["property_id", "job_id"])
def test_another_accounts_reference_is_422_and_nothing_is_written(field, app, client, auth, customer_at, job_of):
    elsewhere = uuid.uuid4()
    theirs, their_property = customer_at(elsewhere)
    references = {"property_id": their_property, "job_id": job_of(theirs, elsewhere)}
    mine, _ = customer_at()
    before = written(app)
    answer = post_invoice(client, auth, mine, **{field: references[field]})
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {field: [f"No such {field[:-3]} in this account."]}
    assert written(app) == before


@pytest.mark.parametrize("field", ["property_id", "job_id"])
def test_another_customers_reference_in_the_same_account_is_422(field, client, auth, customer_at, job_of):
    neighbour, neighbours_property = customer_at()
    references = {"property_id": neighbours_property, "job_id": job_of(neighbour)}
    mine, _ = customer_at()
    answer = post_invoice(client, auth, mine, **{field: references[field]})
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {field: [f"This {field[:-3]} is another customer's."]}


def test_the_customers_own_property_and_job_are_201(client, auth, customer_at, job_of):
    customer, prop = customer_at()
    job = job_of(customer)
    answer = post_invoice(client, auth, customer, property_id=prop, job_id=job)
    assert answer.status_code == 201, answer.json
    assert (answer.json["property_id"], answer.json["job_id"]) == (prop, job)


def test_a_draft_edited_to_another_customers_job_is_422_and_unchanged(client, auth, customer_at, job_of):
    customer, _ = customer_at()
    neighbour, _ = customer_at()
    draft = post_invoice(client, auth, customer, job_id=job_of(customer)).json
    answer = client.patch(f"/invoices/{draft['id']}", json={"job_id": job_of(neighbour)}, headers=auth)
    assert answer.status_code == 422 and set(answer.json["error"]["fields"]) == {"job_id"}
    assert client.get(f"/invoices/{draft['id']}", headers=auth).json["job_id"] == draft["job_id"]


def test_a_draft_edit_changes_what_it_sends_and_null_clears(client, auth, customer_at, job_of):
    customer, prop = customer_at()
    draft = post_invoice(client, auth, customer, property_id=prop, job_id=job_of(customer)).json
    lines = [{"description": "Two visits", "quantity": "2", "unit_price_cents": 5000}]
    answer = client.patch(f"/invoices/{draft['id']}", json={"job_id": None, "lines": lines}, headers=auth)
    assert answer.status_code == 200, answer.json
    assert answer.json["job_id"] is None and answer.json["total_cents"] == 10000
    assert (answer.json["property_id"], answer.json["due_date"]) == (prop, draft["due_date"])


def _real_customer_with_job(customers_service, jobs_service, make_token, account_id) -> tuple[str, str]:
    """A customer made in the real customers service and a job of theirs in the real jobs service: billing has
    heard of neither by event."""
    auth = {"Authorization": f"Bearer {make_token(account_id)}"}
    customer = requests.post(f"{customers_service.url}/customers", json={"display_name": "Riley Brooks"},
                             headers=auth, timeout=10)
    assert customer.status_code == 201, customer.text
    job = requests.post(f"{jobs_service.url}/jobs", json={"customer_id": customer.json()["id"],
                                                          "title": "Furnace tune-up"}, headers=auth, timeout=10)
    assert job.status_code == 201, job.text
    return customer.json()["id"], job.json()["id"]


def test_a_job_not_heard_of_is_asked_of_the_jobs_api_and_kept(client, auth, customers_service, jobs_service,
                                                              make_token, account_id):
    customer, job = _real_customer_with_job(customers_service, jobs_service, make_token, account_id)
    answer = post_invoice(client, auth, customer, job_id=job)
    assert answer.status_code == 201, answer.json
    with jobs_service.stopped():  # kept from the first answer: the second invoice needs no call
        again = post_invoice(client, auth, customer, job_id=job)
    assert again.status_code == 201, again.json
    assert again.json["job_id"] == job


def test_a_job_nobody_has_is_422_after_asking_the_jobs_api(client, auth, customers_service, jobs_service,
                                                           make_token, account_id):
    customer, _ = _real_customer_with_job(customers_service, jobs_service, make_token, account_id)
    answer = post_invoice(client, auth, customer, job_id=str(uuid.uuid4()))
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"job_id": ["No such job in this account."]}


def test_another_accounts_job_is_422_though_the_jobs_api_has_it(client, auth, customer_at, customers_service,
                                                                jobs_service, make_token):
    customer, _ = customer_at()
    _, foreign_job = _real_customer_with_job(customers_service, jobs_service, make_token, uuid.uuid4())
    answer = post_invoice(client, auth, customer, job_id=foreign_job)
    assert answer.status_code == 422 and set(answer.json["error"]["fields"]) == {"job_id"}


def test_a_job_of_a_duplicate_merged_into_the_customer_is_the_customers(app, deliver, account_id, client, auth,
                                                                         customer_at, job_of):
    """The jobs service moves the duplicate's jobs to the target without a job event: the directory knows the
    merge."""
    target, _ = customer_at()
    duplicate, _ = customer_at()
    job = job_of(duplicate)
    updated = example("customer.updated")
    updated.update(id=str(uuid.uuid4()), account_id=str(account_id))
    updated["data"]["customer"].update(id=duplicate, merged_into=target)
    updated["data"].update(revision=2, changed=["merged_into"])
    assert deliver(app, updated)
    assert post_invoice(client, auth, target, job_id=job).status_code == 201


@pytest.mark.parametrize("method,path,body", [
    ("post", "/customers/{id}/statements", {}),
    ("put", "/customers/{id}/card", {"processor_token": "tok_1NvQ8h2eZvKYlo2C", "brand": "visa", "last4": "4242",
                                     "exp_month": 12, "exp_year": 2030}),
])
def test_a_write_to_another_accounts_customer_in_the_path_is_404(method, path, body, client, other_auth,
                                                                   customer_at):
    customer, _ = customer_at()
    answer = getattr(client, method)(path.format(id=customer), json=body, headers=other_auth)
    assert answer.status_code == 404, answer.json


def test_a_credit_note_against_another_customers_invoice_is_422_on_invoice_id(app, client, auth, customer_at):
    neighbour, _ = customer_at()
    their_invoice = post_invoice(client, auth, neighbour).json
    mine, _ = customer_at()
    before = written(app)
    answer = client.post("/credit-notes", json={"customer_id": mine, "amount_cents": 500, "reason": "Goodwill",
                                                "invoice_id": their_invoice["id"]}, headers=auth)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"invoice_id": ["This invoice is another customer's."]}
    assert written(app) == before


def test_a_credit_note_against_another_accounts_invoice_is_422_on_invoice_id(client, auth, customer_at,
                                                                             make_token):
    elsewhere = uuid.uuid4()
    theirs, _ = customer_at(elsewhere)
    their_invoice = post_invoice(client, {"Authorization": f"Bearer {make_token(elsewhere)}"}, theirs).json
    mine, _ = customer_at()
    answer = client.post("/credit-notes", json={"customer_id": mine, "amount_cents": 500, "reason": "Goodwill",
                                                "invoice_id": their_invoice["id"]}, headers=auth)
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"invoice_id": ["No such invoice in this account."]}


def test_a_customers_invoices_are_listed_for_one_job(client, auth, customer_at, job_of):
    customer, _ = customer_at()
    roof, fence = job_of(customer), job_of(customer)
    for job in (roof, roof, fence, None):
        assert post_invoice(client, auth, customer, job_id=job).status_code == 201
    listed = client.get(f"/customers/{customer}/invoices?job_id={roof}", headers=auth).json["items"]
    assert [i["job_id"] for i in listed] == [roof, roof]
    assert len(client.get(f"/customers/{customer}/invoices", headers=auth).json["items"]) == 4
    assert client.get(f"/customers/{customer}/invoices?job_id=roof", headers=auth).status_code == 422
