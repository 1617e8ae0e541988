"""The workspace's Communication tab: calls with their recording and transcript, texts as conversations, emails,
and a text or email written in place that shows at once and then where it stands — sent, or failed with the
reason; with no SMS provider configured a text is refused with the reason and never reads "sent"."""
from __future__ import annotations

import re
import threading
import uuid

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from chassis.testing.processes import ServiceProcess, free_port, settings_env
from comms.domain import signature
from polling import eventually

WEBHOOK_SECRET = "e2e-webhook-secret"  # tests-e2e/conftest.py gives the system this one


def provider_webhook(system, demo, channel: str, form: dict, comms_url: str | None = None) -> str:
    """What the telephony provider posts to comms when a call ends or a text arrives, signed as it signs."""
    url = f"{comms_url or system.process('comms', 'web').url}/webhooks/{channel}/{demo.account_id}"
    headers = {signature.HEADER: signature.sign(WEBHOOK_SECRET, url, form.items())}
    response = demo.session.post(url, data=form, headers=headers, timeout=15)
    assert response.status_code == 200, response.text[:300]
    return response.headers["X-Communication-Id"]


def new_customer(demo, name: str, phone: str, email: str) -> dict:
    """A customer comms has heard of: its feed answers (comms learns customers from their events)."""
    response = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "contacts": [{"name": name, "phones": [{"number": phone}], "emails": [email]}]})
    assert response.status_code == 201, response.text[:300]
    customer = response.json()
    eventually(lambda: demo.session.get(f"{demo.base}/api/customers/{customer['id']}/communications",
                                        timeout=15).status_code == 200)
    return customer


def feed(demo, customer_id: str, base: str | None = None, **query) -> list[dict]:
    response = demo.session.get(f"{base or demo.base}/api/customers/{customer_id}/communications",
                                params={"limit": 100, **query}, timeout=15)
    assert response.status_code == 200, response.text[:300]
    return response.json()["items"]


def test_an_ai_handled_call_shows_its_recording_and_its_transcript(page, demo, system, screenshots):
    customer = new_customer(demo, "Imogen Tate", "512-555-0181", "imogen.tate@example.com")
    provider_webhook(system, demo, "calls", {
        "CallSid": f"CA{uuid.uuid4().hex}", "From": "+15125550181", "To": "+15125550100", "Direction": "inbound",
        "CallStatus": "completed", "CallDuration": "214", "HandledBy": "ai", "Summary": "AC not cooling",
        "RecordingUrl": "https://recordings.example/CA-imogen.mp3",
        "TranscriptionText": "Hi, my air conditioner stopped cooling last night."})

    page.goto(f"/customers/{customer['id']}/communication")
    panel = page.get_by_role("tabpanel", name="Communication")
    call = panel.get_by_role("article").filter(has_text="Inbound call")
    expect(call).to_contain_text("AI-handled")
    expect(call).to_contain_text("3:34")
    expect(call).to_contain_text("AC not cooling")
    expect(call.get_by_label("Call recording")).to_have_attribute("src", "https://recordings.example/CA-imogen.mp3")
    transcript = call.get_by_text("Hi, my air conditioner stopped cooling last night.")
    expect(transcript).to_be_hidden()
    call.get_by_role("button", name="Show transcript").click()
    expect(transcript).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "communication-call.png"), full_page=True)

    panel.get_by_text("Emails", exact=True).click()
    expect(panel.get_by_text("No emails yet.")).to_be_visible()
    panel.get_by_text("Calls", exact=True).click()
    expect(panel.get_by_role("article").filter(has_text="Inbound call")).to_have_count(1)

    [held] = feed(demo, customer["id"], channel="call")
    assert held["handled_by"]["kind"] == "ai" and held["duration_seconds"] == 214
    assert held["recording_url"] == "https://recordings.example/CA-imogen.mp3"


def test_a_text_and_an_email_written_in_place_show_at_once_and_then_sent(page, demo, system, screenshots):
    customer = new_customer(demo, "Felix Marsh", "512-555-0182", "felix.marsh@example.com")
    page.goto(f"/customers/{customer['id']}/communication")
    panel = page.get_by_role("tabpanel", name="Communication")
    expect(panel.get_by_text("No calls, texts or emails yet.")).to_be_visible()

    panel.get_by_role("button", name="New text").click()
    form = panel.get_by_role("form", name="Text message")
    expect(form.get_by_label("To")).to_have_value("+15125550182")
    form.get_by_role("button", name="Send").click()
    expect(form.get_by_text("Write the message first.")).to_be_visible()
    assert accessibility_problems(page) == []
    form.get_by_label("Message").fill("Your technician is on the way.")
    form.get_by_role("button", name="Send").click()
    expect(form).to_have_count(0)
    text = panel.get_by_role("article").filter(has_text="Your technician is on the way.")
    expect(text).to_contain_text("to +15125550182")
    expect(text).to_contain_text("Sent")
    assert [m["Body"] for m in system.sms.sent if m["To"] == "+15125550182"] == ["Your technician is on the way."]

    # The customer answers: the conversation shows both sides, theirs after ours.
    provider_webhook(system, demo, "sms", {"MessageSid": f"SM{uuid.uuid4().hex}", "From": "+15125550182",
                                           "To": "+15125550100", "Body": "Great, thanks!", "NumMedia": "0"})
    panel.get_by_text("Texts", exact=True).click()
    conversation = panel.get_by_role("region", name="Conversation with +15125550182")
    bubbles = conversation.get_by_role("article")
    expect(bubbles).to_have_count(2)
    expect(bubbles.nth(0)).to_contain_text("Your technician is on the way.")
    expect(bubbles.nth(1)).to_contain_text("Great, thanks!")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "communication-texts.png"), full_page=True)

    panel.get_by_text("All", exact=True).click()
    panel.get_by_role("button", name="New email").click()
    form = panel.get_by_role("form", name="Email")
    expect(form.get_by_label("To")).to_have_value("felix.marsh@example.com")
    form.get_by_label("Subject").fill("Your visit on Tuesday")
    form.get_by_label("Message").fill("We will be there between 1 and 3 pm.")
    assert accessibility_problems(page) == []
    form.get_by_role("button", name="Send").click()
    email = panel.get_by_role("article", name="Email: Your visit on Tuesday")
    expect(email).to_contain_text("We will be there between 1 and 3 pm.")
    expect(email).to_contain_text("Sent")
    page.screenshot(path=str(screenshots / "communication-all.png"), full_page=True)

    held = {c["channel"]: c for c in feed(demo, customer["id"]) if c["direction"] == "outbound"}
    assert held["sms"]["status"] == "sent" and held["sms"]["body"] == "Your technician is on the way."
    assert held["email"]["status"] == "sent" and held["email"]["subject"] == "Your visit on Tuesday"
    assert any("felix.marsh@example.com" in m["to"] for m in system.smtp.messages)


class RefusingMailServer:
    """A real SMTP server that refuses every recipient, as a mail server does an address it has no mailbox for."""

    def __init__(self):
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # aiosmtpd's handler hook
        return "550 5.1.1 No such mailbox here"


@pytest.fixture(scope="module")
def bare_comms(system, make_settings, tmp_path_factory):
    """The same system seen through a second gateway whose comms has no SMS provider and a mail server that
    refuses every address: comms web and sender on a database of their own, the other services shared."""
    mail = RefusingMailServer()
    mail._controller.start()
    logs = tmp_path_factory.mktemp("bare-comms-logs")
    env = {**system.process("comms", "web").env, **settings_env(make_settings("comms")),
           "FIELDWORK_SMS_BASE_URL": "", "FIELDWORK_SMTP_HOST": "127.0.0.1", "FIELDWORK_SMTP_PORT": str(mail.port)}
    web = ServiceProcess("comms", "web", env, port=free_port(), log_dir=logs)
    sender = ServiceProcess("comms", "sender", env, log_dir=logs)
    gateway = ServiceProcess("gateway", "web", {**system.gateway.env, "FIELDWORK_COMMS_URL": web.url},
                             port=free_port(), log_dir=logs)
    try:
        web.start()
        web.wait_healthy(60)
        sender.start()
        gateway.start()
        gateway.wait_healthy(30)
        yield gateway
    finally:
        for process in (gateway, sender, web):
            process.stop()
        mail._controller.stop()


def test_with_no_sms_provider_a_text_is_refused_with_the_reason_and_a_refused_email_fails_with_it(
        chromium, demo, bare_comms, screenshots):
    customer = new_customer(demo, "Nadia Brook", "512-555-0183", "nadia.brook@example.com")
    api = f"{bare_comms.url}/api"
    # A call logged by hand first: this comms hears of the customer as the shared one did from events.
    logged = demo.session.post(f"{api}/communications", timeout=15, json={
        "customer_id": customer["id"], "channel": "call", "direction": "outbound", "subject": "Left a voicemail"})
    assert logged.status_code == 201, logged.text[:300]
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, base_url=bare_comms.url)
    page = context.new_page()
    try:
        page.goto(f"/customers?token={demo.token}")
        page.goto(f"/customers/{customer['id']}/communication")
        panel = page.get_by_role("tabpanel", name="Communication")
        panel.get_by_role("button", name="New text").click()
        form = panel.get_by_role("form", name="Text message")
        expect(form.get_by_role("alert")).to_contain_text("Texting is not configured: no SMS provider is set")
        expect(form.get_by_role("button", name="Send")).to_be_disabled()
        assert accessibility_problems(page) == []
        page.screenshot(path=str(screenshots / "communication-no-sms.png"), full_page=True)
        # What the page spares the user, the API says too: nothing queued, so nothing can read "sent".
        refused = demo.session.post(f"{api}/messages", timeout=15, json={
            "customer_id": customer["id"], "channel": "sms", "body": "Running late"})
        assert refused.status_code == 409 and "FIELDWORK_SMS_BASE_URL" in refused.json()["error"]["message"]
        assert feed(demo, customer["id"], base=bare_comms.url, channel="sms") == []

        form.get_by_role("button", name="Cancel").click()
        panel.get_by_role("button", name="New email").click()
        form = panel.get_by_role("form", name="Email")
        form.get_by_label("Subject").fill("Your estimate")
        form.get_by_label("Message").fill("Attached as promised.")
        form.get_by_role("button", name="Send").click()
        email = panel.get_by_role("article", name="Email: Your estimate")
        expect(email).to_contain_text("Failed")
        expect(email).to_contain_text("The mail server refused nadia.brook@example.com")
        expect(email).not_to_contain_text(re.compile(r"\bSent\b"))
        expect(email.get_by_role("button", name="Try again")).to_be_visible()
        assert accessibility_problems(page) == []
        page.screenshot(path=str(screenshots / "communication-failed.png"), full_page=True)
    finally:
        context.close()

    def failed():
        [email] = feed(demo, customer["id"], base=bare_comms.url, channel="email")
        return email if email["status"] == "failed" else None

    email = eventually(failed, seconds=10)
    assert "550" in email["failure_reason"]
