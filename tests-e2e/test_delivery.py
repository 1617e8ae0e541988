"""What we send reaches the customer: `make run`'s delivery sink (tools/delivery_sink.py) as its own process,
behind the real customers and comms processes (web and sender). Each message is received exactly once and reads
sent, then delivered when the sink reports it; with the sink down it waits queued with its attempts and goes out
once the sink is back; with nothing configured a send is refused and nothing is queued."""
from __future__ import annotations

import email
import subprocess
import sys
import uuid
from email import policy
from pathlib import Path

import pytest
import requests

from chassis.testing.processes import ServiceProcess, free_port, settings_env
from polling import eventually

pytestmark = pytest.mark.system

ROOT = Path(__file__).resolve().parent.parent
WEBHOOK_SECRET = "delivery-e2e-secret"


class Sink:
    """tools/delivery_sink.py run as `make run` runs it, stopped and started again on the same ports."""

    def __init__(self, log_dir: Path):
        self.smtp_port, self.http_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.log_dir = log_dir
        self._process: subprocess.Popen | None = None

    def start(self) -> "Sink":
        log = open(self.log_dir / f"delivery-sink-{self.http_port}.log", "ab")
        self._process = subprocess.Popen(
            [sys.executable, str(ROOT / "tools" / "delivery_sink.py"), "--smtp-port", str(self.smtp_port),
             "--http-port", str(self.http_port)], env={"FIELDWORK_WEBHOOK_SECRET": WEBHOOK_SECRET, "PATH": ""},
            stdout=log, stderr=subprocess.STDOUT)
        log.close()
        eventually(self._answers, seconds=20)
        return self

    def _answers(self) -> bool:
        try:
            return requests.get(f"{self.url}/api/messages", timeout=1).ok
        except requests.ConnectionError:
            return False

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(10)
            self._process = None

    def received(self, to: str) -> list[dict]:
        return [m for m in requests.get(f"{self.url}/api/messages", timeout=5).json()
                if to == m["to"] or to in m["to"]]


@pytest.fixture(scope="module")
def delivery(make_settings, tmp_path_factory):
    logs = tmp_path_factory.mktemp("delivery-logs")
    sink = Sink(logs).start()
    customers_port, comms_port, bare_port = free_port(), free_port(), free_port()
    shared = {"FIELDWORK_CONTRACTS_DIR": str(ROOT / "contracts" / "events"),
              "FIELDWORK_CUSTOMERS_URL": f"http://127.0.0.1:{customers_port}",
              "FIELDWORK_WEBHOOK_SECRET": WEBHOOK_SECRET}
    comms_settings = settings_env(make_settings("comms"))
    configured = {**shared, **comms_settings, "FIELDWORK_SMTP_HOST": "127.0.0.1",
                  "FIELDWORK_SMTP_PORT": str(sink.smtp_port), "FIELDWORK_SMS_BASE_URL": sink.url,
                  "FIELDWORK_STATUS_CALLBACK_BASE": f"http://127.0.0.1:{comms_port}",
                  "FIELDWORK_SENDER_POLL_SECONDS": "0.2", "FIELDWORK_SEND_RETRY_BASE_SECONDS": "0.5",
                  "FIELDWORK_SEND_RETRY_CAP_SECONDS": "1"}
    processes = [
        ServiceProcess("customers", "web", {**shared, **settings_env(make_settings("customers"))},
                       port=customers_port, log_dir=logs),
        ServiceProcess("comms", "web", configured, port=comms_port, log_dir=logs),
        ServiceProcess("comms", "sender", configured, log_dir=logs),
        # comms as deployed with neither a mail server nor an SMS provider set
        ServiceProcess("comms", "web", {**shared, **comms_settings, "FIELDWORK_SMTP_HOST": "",
                                        "FIELDWORK_SMS_BASE_URL": ""}, port=bare_port, log_dir=logs),
    ]
    try:
        for process in processes:
            process.start()
        for process in processes:
            process.wait_ready(60)
        yield {"sink": sink, "customers": processes[0].url, "comms": processes[1].url, "bare": processes[3].url}
    finally:
        for process in processes:
            process.stop()
        sink.stop()


@pytest.fixture
def office(make_token, account_id):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {make_token(account_id)}"
    return session


def _customer(delivery, office, address: str, phone: str) -> str:
    answer = office.post(f"{delivery['customers']}/customers", timeout=10, json={
        "display_name": "Morgan Reyes", "contacts": [{"name": "Morgan Reyes", "emails": [address],
                                                     "phones": [{"number": phone}]}]})
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def _status(delivery, office, comm_id: str) -> dict:
    return office.get(f"{delivery['comms']}/communications/{comm_id}", timeout=5).json()


def test_an_email_and_a_text_arrive_once_and_read_sent_then_delivered(delivery, office):
    address, phone = f"morgan.{uuid.uuid4().hex[:8]}@example.com", "+15125550" + str(uuid.uuid4().int)[:3]
    customer_id = _customer(delivery, office, address, phone)
    mail = office.post(f"{delivery['comms']}/messages", timeout=10, json={
        "customer_id": customer_id, "channel": "email", "subject": "Your visit", "body": "See you Tuesday"})
    text = office.post(f"{delivery['comms']}/messages", timeout=10, json={
        "customer_id": customer_id, "channel": "sms", "body": "On our way"})
    assert mail.status_code == text.status_code == 202, (mail.text, text.text)

    for sent, to in ((mail.json(), address), (text.json(), phone)):
        eventually(lambda: _status(delivery, office, sent["id"])["status"] == "delivered")
        assert _status(delivery, office, sent["id"])["attempts"] == 1
        received = delivery["sink"].received(to)
        assert len(received) == 1, received
    parsed = email.message_from_bytes(requests.get(
        f"{delivery['sink'].url}/api/messages/{delivery['sink'].received(address)[0]['id']}/raw", timeout=5).content,
        policy=policy.default)
    assert parsed["Subject"] == "Your visit" and parsed["Message-ID"] == f"<{mail.json()['id']}@comms.fieldwork>"
    assert delivery["sink"].received(phone)[0]["body"] == "On our way"
    inbox = requests.get(f"{delivery['sink'].url}/", timeout=5)
    assert inbox.status_code == 200 and "Your visit" in inbox.text and "On our way" in inbox.text


def test_with_the_sink_down_a_message_waits_queued_with_its_attempts_then_goes_once_it_is_back(delivery, office):
    address = f"morgan.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = _customer(delivery, office, address, "+15125550123")
    delivery["sink"].stop()
    try:
        queued = office.post(f"{delivery['comms']}/messages", timeout=10, json={
            "customer_id": customer_id, "channel": "email", "subject": "Reminder", "body": "Tomorrow 9am"}).json()
        waiting = eventually(lambda: (c := _status(delivery, office, queued["id"]))["attempts"] >= 2 and c)
        assert waiting["status"] in ("queued", "sending") and "could not be reached" in waiting["failure_reason"]
    finally:
        delivery["sink"].start()
    eventually(lambda: _status(delivery, office, queued["id"])["status"] == "delivered")
    assert len(delivery["sink"].received(address)) == 1


def test_with_nothing_configured_a_send_is_refused_and_nothing_is_queued(delivery, office):
    customer_id = _customer(delivery, office, f"morgan.{uuid.uuid4().hex[:8]}@example.com", "+15125550124")
    for message in ({"channel": "email", "subject": "Hi", "body": "Hello"}, {"channel": "sms", "body": "Hello"}):
        refused = office.post(f"{delivery['bare']}/messages", timeout=10, json={"customer_id": customer_id, **message})
        assert refused.status_code == 409 and "not configured" in refused.json()["error"]["message"]
    # Refused before anything was written: the customer's feed (comms asks the customers service about a customer it
    # has not heard of, as every service's reads do) holds no communication.
    feed = office.get(f"{delivery['bare']}/customers/{customer_id}/communications", timeout=5)
    assert feed.status_code == 200 and feed.json()["items"] == []
    channels = office.get(f"{delivery['bare']}/channels", timeout=5).json()
    assert not channels["email"]["configured"] and not channels["sms"]["configured"]
