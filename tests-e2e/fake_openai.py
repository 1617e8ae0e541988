"""A local server that answers like OpenAI's chat completions API, so the insights service is tested through
the real openai client without calling OpenAI. It suggests one action citing the customer's most recent job (or
the customer itself), and one citing an id the sheet never named, which the service must drop."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def reply(sheet: dict) -> dict:
    jobs = sheet.get("jobs") or {}
    job = jobs.get("last_completed") or (jobs.get("recent") or [None])[0]
    cited = job or sheet["customer"]
    return {"summary": f"{sheet['customer']['name']} is a customer since {sheet['customer']['customer_since']}.",
            "actions": [{"title": "Book the next service visit", "detail": "Their last job went well.",
                         "cites": [cited["id"]]},
                        {"title": "Sell a new roof", "detail": "Invented.", "cites": ["not-a-fact"]}]}


class FakeOpenAI(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.requests: list[dict] = []
        super().__init__(("127.0.0.1", 0), self._Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/v1"

    class _Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            self.server.requests.append({"path": self.path, "body": body})
            content = json.dumps(reply(json.loads(body["messages"][-1]["content"])))
            data = json.dumps({"id": "chatcmpl-e2e", "object": "chat.completion", "created": 1764590400,
                               "model": body["model"], "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                                                                 "total_tokens": 2},
                               "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                                            "message": {"role": "assistant", "content": content,
                                                        "refusal": None}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_):
            pass
