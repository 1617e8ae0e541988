"""The insights app on a fresh database, a fixed clock, a local server that answers like OpenAI, and event builders."""
from __future__ import annotations

import datetime as dt
import json
import sys
import time
import uuid
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from chassis.testing.local_server import LocalServer, QuietHandler
from fieldwork_contracts.checking import example, examples, readdressed
from insights.adapters.openai_advisor import OpenAIAdvisor
from insights.adapters.secrets import SecretBox
from insights.bootstrap import SPEC

# The tests share their event stories through insight_stories (test modules import nothing by name here).
sys.path.insert(0, str(Path(__file__).parent))

STORY_NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone.utc)
DANA = "2b6f9d14-5c3a-4e8b-a1f7-6d0e9c2b4a83"
DUPLICATE = "9e4a7c21-0d5b-4f3e-8c69-b2a1f0d7e356"


class Clock:
    def __init__(self):
        self.now = STORY_NOW

    def __call__(self) -> dt.datetime:
        return self.now


class FakeOpenAI:
    """Answers POST /v1/chat/completions like the OpenAI API; a test sets what it does and reads what it got."""

    def __init__(self):
        self.requests: list[dict] = []
        self.reset()
        server = self

        class Handler(QuietHandler):
            def do_POST(self):
                body = json.loads(self.read_body())
                headers = {name.lower(): value for name, value in self.headers.items()}
                server.requests.append({"path": self.path, "headers": headers, "body": body})
                status, payload = server.answer(body)
                if server.delay:
                    time.sleep(server.delay)
                data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
                try:
                    self.answer(status, body=data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

        self.httpd = LocalServer(Handler)
        self.base_url = f"{self.httpd.url}/v1"

    def reset(self):
        self.requests.clear()
        self.delay = 0.0
        self.status = 200
        self.content = None          # a str sent as the message content; None → reply(sheet)
        self.raw_body = None         # a str sent as the whole HTTP body instead of a completion
        self.reply = lambda sheet: {"summary": "A customer.", "actions": []}

    def answer(self, body):
        if self.raw_body is not None:
            return 200, self.raw_body
        if self.status != 200:
            return self.status, {"error": {"message": "Incorrect API key provided: sk-te************wxyz",
                                           "type": "invalid_request_error", "code": "invalid_api_key"}}
        sheet = json.loads(body["messages"][-1]["content"])
        content = self.content if self.content is not None else json.dumps(self.reply(sheet))
        return 200, {"id": "chatcmpl-1", "object": "chat.completion", "created": 1764590400, "model": body["model"],
                     "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                                  "message": {"role": "assistant", "content": content, "refusal": None}}],
                     "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}

    def sheets(self) -> list[dict]:
        return [json.loads(r["body"]["messages"][-1]["content"]) for r in self.requests]


@pytest.fixture(scope="session")
def fake_openai_server():
    server = FakeOpenAI()
    yield server
    server.httpd.stop()


@pytest.fixture
def fake_openai(fake_openai_server):
    fake_openai_server.reset()
    return fake_openai_server


@pytest.fixture(scope="session")
def session_clock():
    return Clock()


@pytest.fixture
def clock(session_clock):
    session_clock.now = STORY_NOW
    return session_clock


@pytest.fixture(scope="session")
def app(make_app, session_clock, fake_openai_server):
    return make_app(SPEC, adapters={
        "clock": session_clock,
        "secrets": SecretBox(Fernet.generate_key()),
        "openai": OpenAIAdvisor(base_url=fake_openai_server.base_url, timeout=0.5),
    })


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def story():
    """``story(account_id)`` → the contract examples' customer story as events of that account, in order."""
    return lambda account_id: [readdressed(envelope, account_id) for _, envelope in examples()]


def _wire_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


@pytest.fixture
def make_event():
    """``make_event(account, "job.created", at, job={...})`` → a valid envelope built on the type's example.

    Keyword arguments replace keys of ``data`` (a dict value is merged into the example's dict).
    """
    def make(account_id: uuid.UUID, event_type: str, at: dt.datetime, **changes) -> dict:
        envelope = example(event_type)
        envelope.update(id=str(uuid.uuid4()), account_id=str(account_id), occurred_at=_wire_time(at))
        envelope.pop("request_id", None)
        for key, value in changes.items():
            if isinstance(value, dt.datetime):
                value = _wire_time(value)
            if isinstance(value, dict) and isinstance(envelope["data"].get(key), dict):
                value = {**envelope["data"][key],
                         **{k: _wire_time(v) if isinstance(v, dt.datetime) else v for k, v in value.items()}}
            envelope["data"][key] = value
        return envelope

    return make


@pytest.fixture
def active_customer(app, deliver, make_event, account_id, clock):
    """A customer of the account for over a year, no lead (so no lead card turns); returns its id."""
    customer_id = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - dt.timedelta(days=400),
                            customer={"id": customer_id, "status": "active"}))
    return customer_id


@pytest.fixture
def dana():
    """The customer of the contract examples' story."""
    return DANA


@pytest.fixture
def duplicate():
    """The duplicate of Dana that the story merges, unmerges, archives and unarchives."""
    return DUPLICATE
