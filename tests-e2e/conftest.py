"""The whole system started for real — every service's web, relay and consumer, the workers and the
gateway — on fresh databases and the run's own exchange and queues, with a real SMTP server and a
local SMS provider. Tests drive it only through the gateway."""
from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import requests
from aiosmtpd.controller import Controller

from chassis.testing.local_server import LocalServer, QuietHandler
from chassis.testing.processes import ServiceProcess, free_port, settings_env
from fake_openai import FakeOpenAI

SERVICES = ("customers", "jobs", "billing", "comms", "insights")
WORKERS = {"comms": ("sender",), "customers": ("importer",)}
ROOT = Path(__file__).resolve().parent.parent



class SmtpInbox:
    """A real SMTP server (aiosmtpd) that keeps what it receives."""

    def __init__(self):
        self.messages: list[dict] = []
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        self.messages.append({"from": envelope.mail_from, "to": envelope.rcpt_tos, "data": envelope.content})
        return "250 OK"

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()


class SmsProvider(LocalServer):
    """Answers like an SMS provider's HTTP API: ``POST /messages`` (form) → ``{"sid": …}``."""

    def __init__(self):
        self.sent: list[dict] = []
        super().__init__(self._Handler)

    class _Handler(QuietHandler):
        def do_POST(self):
            form = {k: v[0] for k, v in parse_qs(self.read_body().decode()).items()}
            self.server.sent.append(form)
            self.answer(201, {"sid": f"SM{uuid.uuid4().hex}", "status": "queued"})


class System:
    def __init__(self, processes: dict, gateway: ServiceProcess, smtp: SmtpInbox, sms: SmsProvider, jwt_secret: str,
                 openai: FakeOpenAI):
        self.processes = processes
        self.openai = openai
        self.gateway = gateway
        self.smtp = smtp
        self.sms = sms
        self.jwt_secret = jwt_secret

    @property
    def url(self) -> str:
        return f"{self.gateway.url}/api"

    def process(self, service: str, command: str) -> ServiceProcess:
        return self.processes[(service, command)]


@pytest.fixture(scope="session")
def system(make_settings, tmp_path_factory):
    smtp = SmtpInbox().start()
    sms = SmsProvider()
    openai = FakeOpenAI()
    logs = tmp_path_factory.mktemp("e2e-logs")
    ports = {service: free_port() for service in (*SERVICES, "gateway")}
    shared = {
        "FIELDWORK_CONTRACTS_DIR": str(ROOT / "contracts" / "events"),
        **{f"FIELDWORK_{s.upper()}_URL": f"http://127.0.0.1:{p}" for s, p in ports.items()},
        "FIELDWORK_SMTP_HOST": "127.0.0.1", "FIELDWORK_SMTP_PORT": str(smtp.port),
        "FIELDWORK_SMS_BASE_URL": sms.url,
        "FIELDWORK_SENDER_POLL_SECONDS": "0.2", "FIELDWORK_SEND_RETRY_BASE_SECONDS": "0.5",
        "FIELDWORK_JOBS_PHOTO_DIR": str(tmp_path_factory.mktemp("photos")),
        "FIELDWORK_WEBHOOK_SECRET": "e2e-webhook-secret",
        "FIELDWORK_OPENAI_BASE_URL": openai.base_url,
        "FIELDWORK_GATEWAY_DEADLINE_MS": "2000",
        "WEB_CONCURRENCY": "1",
    }
    processes: dict[tuple[str, str], ServiceProcess] = {}
    settings = {}
    for service in SERVICES:
        settings[service] = make_settings(service)
        env = {**shared, **settings_env(settings[service])}
        processes[(service, "web")] = ServiceProcess(service, "web", env, port=ports[service], log_dir=logs)
        for command in ("relay", "consumer", *WORKERS.get(service, ())):
            processes[(service, command)] = ServiceProcess(service, command, env, log_dir=logs)
    gateway_settings = make_settings("gateway", uses_database=False)
    gateway = ServiceProcess("gateway", "web", {**shared, **settings_env(gateway_settings)}, port=ports["gateway"],
                             log_dir=logs)
    try:
        for process in processes.values():
            process.start()
        gateway.start()
        for (service, command), process in processes.items():
            if command == "web":
                process.wait_healthy(60)
        gateway.wait_healthy(30)
        yield System(processes, gateway, smtp, sms, gateway_settings.jwt_secret, openai)
    finally:
        for process in [gateway, *processes.values()]:
            process.stop()
        smtp.stop()
        sms.stop()
        openai.stop()


@pytest.fixture
def api(system, make_token, account_id):
    """A requests session of an office user of a fresh account, speaking to the gateway."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {make_token(account_id)}"
    base = system.url

    class Api:
        def __getattr__(self, method):
            def call(path, expect=None, **kwargs):
                response = session.request(method.upper(), base + path, timeout=15, **kwargs)
                if expect is not None:
                    assert response.status_code == expect, f"{method.upper()} {path}: {response.status_code} {response.text[:500]}"
                return response
            return call

    return Api()
