"""comms under test: the real app on its own database, a real SMTP server, a local SMS provider, and the real
customers, billing and jobs services it asks about customers and fetches PDFs from."""
from __future__ import annotations

import json
import socket
import uuid
from urllib.parse import parse_qs

import pytest
import requests
from aiosmtpd.controller import Controller

from fieldwork_contracts.checking import example
from chassis.customer_directory import CustomersApi
from chassis.testing.local_server import LocalServer, QuietHandler
from chassis.testing.plugin import TEST_JWT_SECRET
from comms.adapters.sms import HttpSmsProvider
from comms.adapters.smtp import SmtpMailer
from comms.adapters.statements import BillingStatements, JobsEstimates
from comms.bootstrap import SPEC
from comms.domain import signature

WEBHOOK_SECRET = "webhook-secret-for-tests"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    """A real SMTP server (aiosmtpd) that can be stopped and started again on the same port."""

    def __init__(self):
        self.port = _free_port()
        self.messages: list = []
        self._controller = None

    async def handle_DATA(self, _server, _session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def received_for(self, address: str) -> list:
        return [m for m in self.messages if address in m.rcpt_tos]


class _LocalHttp:
    """A small HTTP server in a thread; ``handle(handler)`` answers each request."""

    def __init__(self):
        owner = self

        class Handler(QuietHandler):
            def do_GET(self):
                owner.handle(self)

            do_POST = do_GET

        self.server = LocalServer(Handler)
        self.url = self.server.url

    @staticmethod
    def answer(handler: QuietHandler, status: int, body: bytes, content_type: str = "application/json"):
        handler.answer(status, body=body, content_type=content_type)

    def close(self):
        self.server.stop()


class SmsProvider(_LocalHttp):
    """Answers like a Twilio-style provider: form POST /messages → 201 {"sid", "status": "queued"}."""

    def __init__(self):
        self.sent: list[dict] = []
        self.failures: list[int] = []   # statuses to answer before accepting again
        super().__init__()

    def handle(self, handler):
        length = int(handler.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(handler.rfile.read(length).decode()).items()}
        if handler.path != "/messages":
            return self.answer(handler, 404, b'{"message": "not found"}')
        if self.failures:
            status = self.failures.pop(0)
            return self.answer(handler, status, json.dumps({"message": f"provider says {status}"}).encode())
        form["idempotency_key"] = handler.headers.get("Idempotency-Key")
        self.sent.append(form)
        self.answer(handler, 201, json.dumps({"sid": f"SM{uuid.uuid4().hex}", "status": "queued"}).encode())


@pytest.fixture(scope="session")
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sms_provider():
    provider = SmsProvider()
    yield provider
    provider.close()


@pytest.fixture(scope="session")
def customers_process(service_process):
    """The real customers service as its own process: comms asks it about customer ids it never heard of."""
    return service_process("customers")


@pytest.fixture(scope="session")
def customers_service(customers_process):
    return customers_process.url


@pytest.fixture(scope="session")
def billing_service(service_process, customers_process):
    """The real billing service, whose invoice and statement PDFs comms attaches."""
    return service_process("billing", FIELDWORK_CUSTOMERS_URL=customers_process.url)


@pytest.fixture(scope="session")
def jobs_service(service_process, customers_process):
    """The real jobs service, whose estimate PDFs comms attaches."""
    return service_process("jobs", FIELDWORK_CUSTOMERS_URL=customers_process.url)


@pytest.fixture(scope="session")
def app(make_app, smtp, sms_provider, customers_service, billing_service, jobs_service):
    adapters = {
        "customers_api": CustomersApi(customers_service),
        "mailer": SmtpMailer("127.0.0.1", smtp.port, "Fieldwork <office@fieldwork.test>", timeout=5),
        "sms": HttpSmsProvider(sms_provider.url, "+15125550100", "test-key", timeout=5),
        "statements": BillingStatements(TEST_JWT_SECRET, billing_service.url),
        "estimates": JobsEstimates(TEST_JWT_SECRET, jobs_service.url),
    }
    return make_app(SPEC, adapters=adapters, webhook_secret=WEBHOOK_SECRET, retry_base_seconds=30)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def envelope(account_id):
    """``envelope("customer.merged", data_changes...)`` → a contract example for this test's account, fresh id."""

    def make(event_type: str, account=None, **data) -> dict:
        env = example(event_type)
        env.update(id=str(uuid.uuid4()), account_id=str(account or account_id))
        env["data"].update(data)
        return env

    return make


@pytest.fixture
def real_customer(customers_process, app, deliver, emitted, auth, account_id):
    """``real_customer(email)`` → a customer made in the real customers service, comms given the
    ``customer.created`` it published; billing and jobs ask the same service about it."""

    def make(email: str, name: str = "Dana Whitfield") -> str:
        created = requests.post(f"{customers_process.url}/customers", headers=auth, timeout=10, json={
            "display_name": name, "contacts": [{"name": name, "emails": [email]}]})
        assert created.status_code == 201, created.text
        customer_id = created.json()["id"]
        [event] = [e for e in emitted(customers_process, account_id, "customer.created")
                   if e["data"]["customer"]["id"] == customer_id]
        assert deliver(app, event)
        return customer_id

    return make


@pytest.fixture
def add_customer(app, deliver, envelope):
    """Delivers customer.created for a new customer with these phones and emails; returns its id."""

    def add(phones=(), emails=(), account=None, revision=1, name="Dana Whitfield") -> uuid.UUID:
        customer = example("customer.created")["data"]["customer"]
        customer.update(id=str(uuid.uuid4()), display_name=name, phones=list(phones), emails=list(emails))
        assert deliver(app, envelope("customer.created", account=account, customer=customer, revision=revision))
        return uuid.UUID(customer["id"])

    return add


@pytest.fixture
def post_webhook(client):
    """``post_webhook("sms", account_id, form)`` signs the form like the provider does, then posts it.

    ``signed_for`` signs the URL of another account and ``sent`` posts another form than the one signed,
    to play an attacker.
    """

    def post(channel: str, account, form: dict, *, secret: str = WEBHOOK_SECRET, signed: bool = True,
             signed_for=None, sent: dict | None = None):
        path = f"/webhooks/{channel}/{account}"
        headers = {}
        if signed:
            signed_path = f"/webhooks/{channel}/{signed_for or account}"
            headers[signature.HEADER] = signature.sign(secret, f"http://localhost{signed_path}", form.items())
        return client.post(path, data=sent or form, headers=headers)

    return post


@pytest.fixture
def count_rows(app):
    """How many rows a table holds for an account (to prove nothing was written)."""
    from sqlalchemy import text

    def count(table: str, account) -> int:
        with app.extensions["fieldwork"].database.engine.connect() as connection:
            return connection.execute(text(f"SELECT count(*) FROM {table} WHERE account_id = :a"),
                                      {"a": account}).scalar()

    return count


@pytest.fixture
def run_sender(app):
    """The sender worker's code on what is due at one moment: ``run_sender(now=…, providers=…)`` → deliveries
    worked on (at most 100)."""
    from chassis.messaging.event import utcnow
    from comms.entrypoints.sender import providers_of
    from comms.service_layer.delivery import deliver_one

    runtime = app.extensions["fieldwork"]

    def run(now=None, providers=None, policy=None):
        at, done = now or utcnow(), 0
        while done < 100 and deliver_one(runtime.database, providers or providers_of(runtime),
                                         policy or runtime.adapters["config"].retry, now=at):
            done += 1
        return done

    return run


@pytest.fixture
def smtp_later(app):
    """A real SMTP server that is down until the test starts it, and the providers that mail through it."""
    import dataclasses

    from comms.entrypoints.sender import providers_of

    server = SmtpServer()
    mailer = SmtpMailer("127.0.0.1", server.port, "office@fieldwork.test", timeout=2)
    server.providers = dataclasses.replace(providers_of(app.extensions["fieldwork"]), mailer=mailer)
    yield server
    server.stop()
