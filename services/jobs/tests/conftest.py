"""Fixtures of the jobs service tests: the app on its own database, customers known by event or by a local API."""
from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chassis.contracts import example
from chassis.customer_directory import CustomersApi
from jobs.adapters.storage import LocalDirectoryStorage
from jobs.bootstrap import SPEC

PHOTO_MAX_BYTES = 300_000


class CustomersServer:
    """Answers GET /customers/<id> like the customers API: known ids (per account) 200, anything else 404."""

    def __init__(self):
        self.customers: dict[str, tuple[str, dict]] = {}
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(self.path)
                customer_id = self.path.rsplit("/", 1)[-1]
                known = outer.customers.get(customer_id)
                token_account = _account_of(self.headers.get("Authorization", ""))
                if known is None or known[0] != token_account:
                    self._answer(404, {"error": {"code": "not_found", "message": "No such customer."}})
                else:
                    self._answer(200, known[1])

            def _answer(self, status, body):
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, account_id, name="Riley Brooks") -> str:
        customer_id = str(uuid.uuid4())
        self.customers[customer_id] = (str(account_id), {
            "id": customer_id, "number": "C-2001", "display_name": name, "archived": False, "merged_into": None,
            "revision": 3})
        return customer_id


def _account_of(header: str) -> str:
    import jwt
    token = header.partition(" ")[2]
    return jwt.decode(token, options={"verify_signature": False})["account_id"]


@pytest.fixture(scope="session")
def customers_server():
    server = CustomersServer()
    yield server
    server.server.shutdown()


@pytest.fixture(scope="session")
def photo_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("photos")


@pytest.fixture(scope="session")
def app(make_app, customers_server, photo_dir):
    return make_app(SPEC, adapters={"customers_api": CustomersApi(customers_server.url),
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

