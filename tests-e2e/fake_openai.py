"""A local server that answers like OpenAI's chat completions API, so the insights service is tested through
the real openai client without calling OpenAI. It suggests one action citing the customer's most recent job (or
the customer itself), and one citing an id the sheet never named, which the service must drop."""
from __future__ import annotations

import json

from chassis.testing.local_server import LocalServer, QuietHandler


def reply(sheet: dict) -> dict:
    jobs = sheet.get("jobs") or {}
    job = jobs.get("last_completed") or (jobs.get("recent") or [None])[0]
    cited = job or sheet["customer"]
    return {"summary": f"{sheet['customer']['name']} is a customer since {sheet['customer']['customer_since']}.",
            "actions": [{"title": "Book the next service visit", "detail": "Their last job went well.",
                         "cites": [cited["id"]]},
                        {"title": "Sell a new roof", "detail": "Invented.", "cites": ["not-a-fact"]}]}


class FakeOpenAI(LocalServer):
    def __init__(self):
        self.requests: list[dict] = []
        super().__init__(self._Handler)

    @property
    def base_url(self) -> str:
        return f"{self.url}/v1"

    class _Handler(QuietHandler):
        def do_POST(self):
            body = json.loads(self.read_body())
            self.server.requests.append({"path": self.path, "body": body})
            content = json.dumps(reply(json.loads(body["messages"][-1]["content"])))
            self.answer(200, {"id": "chatcmpl-e2e", "object": "chat.completion", "created": 1764590400,
                              "model": body["model"], "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                                                                "total_tokens": 2},
                              "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                                           "message": {"role": "assistant", "content": content,
                                                       "refusal": None}}]})
