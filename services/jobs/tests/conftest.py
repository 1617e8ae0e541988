"""Fixtures of the jobs service tests: the app on its own database, customers known by event or asked of the real
customers service."""
from __future__ import annotations

import uuid

import pytest
import requests

from fieldwork_contracts.checking import example
from chassis.customer_directory import CustomersApi
from jobs.adapters.storage import LocalDirectoryStorage
from jobs.bootstrap import SPEC

PHOTO_MAX_BYTES = 300_000


@pytest.fixture(scope="session")
def customers_process(service_process):
    """The real customers service: jobs asks it about customers and properties it has not heard of by event."""
    return service_process("customers")


@pytest.fixture
def real_customer(customers_process, auth):
    """``real_customer(properties=[address, …])`` → (customer id, property ids), made in the real customers
    service: jobs has heard of neither by event."""

    def make(properties=(), name="Riley Brooks") -> tuple[str, list[str]]:
        made = requests.post(f"{customers_process.url}/customers", headers=auth, timeout=10,
                             json={"display_name": name, "properties": [dict(p) for p in properties]})
        assert made.status_code == 201, made.text
        return made.json()["id"], [p["id"] for p in made.json()["properties"]]

    return make


@pytest.fixture(scope="session")
def photo_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("photos")


@pytest.fixture(scope="session")
def app(make_app, customers_process, photo_dir):
    return make_app(SPEC, adapters={"customers_api": CustomersApi(customers_process.url),
                                    "photo_storage": LocalDirectoryStorage(photo_dir)},
                    photo_max_bytes=PHOTO_MAX_BYTES)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def new_customer(app, deliver, account_id):
    """``new_customer()`` → the id of a customer the service heard of through ``customer.created``."""

    def make(account=None, name="Dana Whitfield", **snapshot) -> str:
        envelope = example("customer.created")
        customer_id = str(uuid.uuid4())
        envelope.update(id=str(uuid.uuid4()), account_id=str(account or account_id))
        envelope["data"]["customer"].update(id=customer_id, display_name=name, **snapshot)
        assert deliver(app, envelope)
        return customer_id

    return make


@pytest.fixture
def customer_id(new_customer) -> str:
    return new_customer()


@pytest.fixture
def event():
    """``event("customer.merged", account_id, **data)`` → a fresh envelope built from the contract example."""

    def make(event_type: str, account, **data) -> dict:
        envelope = example(event_type)
        envelope.update(id=str(uuid.uuid4()), account_id=str(account))
        envelope["data"].update({key: str(value) for key, value in data.items()})
        return envelope

    return make

