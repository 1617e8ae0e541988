"""Billing on a fresh database, a local stand-in for the customers API, and helpers that speak its API."""
from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from billing.bootstrap import SPEC
from chassis.contracts import example
from chassis.customer_directory import CustomersApi
from chassis.references import RecordsApi


class _CustomersStandIn(BaseHTTPRequestHandler):
    """Answers like the customers service for ids it was told about, 404 for every other."""

    known: dict[str, dict] = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        customer_id = self.path.rstrip("/").rsplit("/", 1)[-1]
        body = self.known.get(customer_id)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(body or {"error": {"code": "not_found", "message": "No such customer."}}).encode())

    def log_message(self, *_):
        pass


@pytest.fixture(scope="session")
def customers_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CustomersStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _JobsStandIn(_CustomersStandIn):
    """Answers GET /jobs/<id> like the jobs service for the jobs in ``known``, 404 for every other."""

    known: dict[str, dict] = {}
    asked: list[str] = []

    def do_GET(self):  # noqa: N802
        self.asked.append(self.path.rsplit("/", 1)[-1])
        super().do_GET()


@pytest.fixture(scope="session")
def jobs_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _JobsStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def app(make_app, customers_api, jobs_api):
    return make_app(SPEC, adapters={"customers_api": CustomersApi(customers_api),
                                    "jobs_api": RecordsApi("jobs", "/jobs/{id}", base_url=jobs_api)})


@pytest.fixture
def jobs_known():
    """Jobs the jobs stand-in answers for (body by id), as the jobs service would."""
    return _JobsStandIn.known


@pytest.fixture
def jobs_asked():
    """The job ids the jobs stand-in was asked about, in order."""
    return _JobsStandIn.asked


@pytest.fixture
def customers_known():
    """Customers the stand-in answers for (body by id), as the customers service would."""
    return _CustomersStandIn.known


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
