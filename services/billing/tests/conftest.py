"""Billing on a fresh database, the real customers and jobs services it asks about ids, and helpers that speak
its API."""
from __future__ import annotations

import uuid

import pytest

from billing.bootstrap import SPEC
from fieldwork_contracts.checking import example
from chassis.customer_directory import CustomersApi
from chassis.references import RecordsApi


@pytest.fixture(scope="session")
def customers_service(service_process):
    """The real customers service: billing asks it about customer ids it has not heard of by event."""
    return service_process("customers")


@pytest.fixture(scope="session")
def jobs_service(service_process, customers_service):
    """The real jobs service (asking the same customers service): billing asks it about job ids it has not heard
    of by event."""
    return service_process("jobs", FIELDWORK_CUSTOMERS_URL=customers_service.url)


@pytest.fixture(scope="session")
def app(make_app, customers_service, jobs_service):
    return make_app(SPEC, adapters={"customers_api": CustomersApi(customers_service.url),
                                    "jobs_api": RecordsApi("jobs", "/jobs/{id}", base_url=jobs_service.url),
                                    "customer_relations_api": RecordsApi("customers", "/customers/{id}/relations",
                                                                         base_url=customers_service.url)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def new_customer(app, deliver, account_id):
    """``new_customer()`` → the id of a customer billing has heard of through ``customer.created``."""

    def make(name: str = "Dana Whitfield", account=None) -> uuid.UUID:
        envelope = example("customer.created")
        customer_id = uuid.uuid4()
        envelope.update(id=str(uuid.uuid4()), account_id=str(account or account_id))
        envelope["data"]["customer"].update(id=str(customer_id), display_name=name)
        assert deliver(app, envelope)
        return customer_id

    return make


@pytest.fixture
def customer(new_customer):
    return new_customer()


@pytest.fixture
def api(client, auth):
    """Small calls through HTTP that fail loudly on an unexpected status."""

    class Api:
        def call(self, method, path, expect=200, **kwargs):
            response = getattr(client, method)(path, headers=auth, **kwargs)
            assert response.status_code == expect, (response.status_code, response.get_json(silent=True))
            return response.get_json(silent=True)

        def invoice(self, customer_id, lines=None, send=True, **fields):
            body = {"customer_id": str(customer_id),
                    "lines": lines or [{"description": "Furnace tune-up", "unit_price_cents": 10000}], **fields}
            invoice = self.call("post", "/invoices", 201, json=body)
            return self.call("post", f"/invoices/{invoice['id']}/send") if send else invoice

        def pay(self, customer_id, amount, allocations=None, expect=201, **fields):
            body = {"customer_id": str(customer_id), "amount_cents": amount, "method": "card", **fields}
            if allocations is not None:
                body["allocations"] = [{"invoice_id": i, "amount_cents": a} for i, a in allocations]
            return self.call("post", "/payments", expect, json=body)

        def summary(self, customer_id):
            return self.call("get", f"/customers/{customer_id}/billing-summary")

    return Api()
