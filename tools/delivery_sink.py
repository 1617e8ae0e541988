"""`make run`'s delivery sink: every email and text Fieldwork sends is really delivered here, and can be read.

One process with two doors:
- a real SMTP server (aiosmtpd) that keeps every message it receives;
- an HTTP server that answers like the SMS provider's API (``POST /messages``, form To/From/Body → 201
  ``{"sid", "status"}``), keeps every text, and shows both in one inbox at ``/`` (JSON at ``/api/messages``,
  an email as received at ``/api/messages/<id>/raw``, an attachment at ``/messages/<id>/attachments/<n>``).

Like a provider, it reports each message delivered to the status callback the sender named (the SMS form's
``StatusCallback``, an email's ``X-Fieldwork-Status-Callback`` header), signed with ``FIELDWORK_WEBHOOK_SECRET``
the way comms checks provider webhooks. The report is tried again for a while: the sender records the message
as sent only after the sink took it, so the first report may come before comms knows the message's id.
"""
from __future__ import annotations

import argparse
import datetime as dt
import email
import html
import json
import os
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "services" / "comms"))
from comms.domain import signature  # noqa: E402  (the one signing scheme, shared with what checks it)

STATUS_CALLBACK_HEADER = "X-Fieldwork-Status-Callback"
_RAW = re.compile(r"/api/messages/(?P<id>[0-9a-f]+)/raw")
_ATTACHMENT = re.compile(r"/messages/(?P<id>[0-9a-f]+)/attachments/(?P<n>[0-9]+)")
REPORT_TRIES = 20


class Inbox:
    """What the sink received, newest last; safe to use from the SMTP and HTTP threads."""

    def __init__(self, webhook_secret: str):
        self.webhook_secret = webhook_secret
        self._lock = threading.Lock()
        self._messages: list[dict] = []

    def keep(self, message: dict, callback: str | None) -> dict:
        message.update(id=uuid.uuid4().hex, received_at=dt.datetime.now(dt.timezone.utc).isoformat(),
                       reported=None)
        with self._lock:
            self._messages.append(message)
        if callback:
            threading.Thread(target=self._report, args=(message, callback), daemon=True).start()
        return message

    def all(self) -> list[dict]:
        with self._lock:
            return list(self._messages)

    def one(self, message_id: str) -> dict | None:
        return next((m for m in self.all() if m["id"] == message_id), None)

    def _report(self, message: dict, callback: str) -> None:
        """Posts "delivered" to the callback, signed, until it is taken (or gives up, as providers do)."""
        form = {"MessageSid": message["provider_id"], "MessageStatus": "delivered"}
        headers = {signature.HEADER: signature.sign(self.webhook_secret, callback, form.items()),
                   "Content-Type": "application/x-www-form-urlencoded"}
        data = urllib.parse.urlencode(form).encode()
        for attempt in range(REPORT_TRIES):
            try:
                with urllib.request.urlopen(urllib.request.Request(callback, data, headers), timeout=5) as answer:
                    message["reported"] = f"delivered ({answer.status})"
                    return
            except OSError as exc:
                message["reported"] = f"not taken yet: {exc}"
            time.sleep(min(0.2 * 2 ** attempt, 5))


class SmtpHandler:
    """aiosmtpd's handler: keeps each message with what the inbox shows of it."""

    def __init__(self, inbox: Inbox):
        self.inbox = inbox

    async def handle_DATA(self, _server, _session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=policy.default)
        body = parsed.get_body(preferencelist=("plain", "html"))
        attachments = [{"filename": part.get_filename(), "content_type": part.get_content_type(),
                        "content": part.get_payload(decode=True)} for part in parsed.iter_attachments()]
        self.inbox.keep({"kind": "email", "provider_id": (parsed["Message-ID"] or "").strip(), "from": envelope.mail_from,
                         "to": list(envelope.rcpt_tos), "subject": parsed["Subject"],
                         "body": body.get_content() if body is not None else "", "attachments": attachments,
                         "raw": envelope.content}, (parsed[STATUS_CALLBACK_HEADER] or "").strip() or None)
        return "250 Message accepted for delivery"


def _public(message: dict) -> dict:
    shown = {k: v for k, v in message.items() if k not in ("raw", "attachments")}
    shown["attachments"] = [{"filename": a["filename"], "content_type": a["content_type"], "size": len(a["content"])}
                            for a in message.get("attachments", [])]
    return shown


def _page(messages: list[dict]) -> bytes:
    rows = []
    for m in reversed(messages):
        files = " ".join(f'<a href="/messages/{m["id"]}/attachments/{i}">{html.escape(a["filename"] or "file")}</a>'
                         for i, a in enumerate(m.get("attachments", [])))
        rows.append(f"<tr><td>{html.escape(m['received_at'][:19])}</td><td>{m['kind']}</td>"
                    f"<td>{html.escape(', '.join(m['to']) if isinstance(m['to'], list) else m['to'])}</td>"
                    f"<td><b>{html.escape(m.get('subject') or '')}</b><pre>{html.escape(m['body'])}</pre>{files}</td>"
                    f"<td>{html.escape(m['reported'] or '')}</td></tr>")
    return ("<!doctype html><html lang=en><meta charset=utf-8><title>Fieldwork inbox</title>"
            "<style>body{font-family:sans-serif}td{vertical-align:top;border-top:1px solid #ccc;padding:4px}"
            "pre{white-space:pre-wrap;margin:0}</style><h1>Fieldwork inbox</h1>"
            f"<p>{len(messages)} message(s) sent by Fieldwork on this machine.</p><table><tr><th>received</th>"
            "<th>kind</th><th>to</th><th>message</th><th>report</th></tr>" + "".join(rows) + "</table></html>").encode()


def http_handler(inbox: Inbox, sms_key: str):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            path = self.path.split("?")[0]
            if path == "/":
                return self._answer(200, _page(inbox.all()), "text/html; charset=utf-8")
            if path == "/api/messages":
                return self._answer(200, json.dumps([_public(m) for m in inbox.all()]).encode())
            if found := _RAW.fullmatch(path):
                message = inbox.one(found["id"])
                if message is not None and "raw" in message:
                    return self._answer(200, message["raw"], "message/rfc822")
            if found := _ATTACHMENT.fullmatch(path):
                files = (inbox.one(found["id"]) or {}).get("attachments", [])
                if int(found["n"]) < len(files):
                    item = files[int(found["n"])]
                    return self._answer(200, item["content"], item["content_type"])
            self._answer(404, b'{"message": "not found"}')

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
            if self.path != "/messages":
                return self._answer(404, b'{"message": "not found"}')
            if sms_key and self.headers.get("Authorization") != f"Bearer {sms_key}":
                return self._answer(401, b'{"message": "wrong API key"}')
            if not form.get("To") or not form.get("Body"):
                return self._answer(400, b'{"message": "To and Body are required"}')
            sid = f"SM{uuid.uuid4().hex}"
            inbox.keep({"kind": "sms", "provider_id": sid, "from": form.get("From"), "to": form["To"],
                        "subject": None, "body": form["Body"], "attachments": []}, form.get("StatusCallback"))
            self._answer(201, json.dumps({"sid": sid, "status": "queued"}).encode())

        def _answer(self, status: int, body: bytes, content_type: str = "application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smtp-port", type=int, default=int(os.environ.get("FIELDWORK_SINK_SMTP_PORT", "1025")))
    parser.add_argument("--http-port", type=int, default=int(os.environ.get("FIELDWORK_SINK_HTTP_PORT", "1080")))
    args = parser.parse_args(argv)
    inbox = Inbox(os.environ.get("FIELDWORK_WEBHOOK_SECRET", ""))
    smtp = Controller(SmtpHandler(inbox), hostname="127.0.0.1", port=args.smtp_port)
    smtp.start()
    server = ThreadingHTTPServer(("127.0.0.1", args.http_port), http_handler(inbox, os.environ.get(
        "FIELDWORK_SMS_API_KEY", "")))
    print(f"delivery sink: SMTP on 127.0.0.1:{args.smtp_port}, SMS API and inbox on "
          f"http://127.0.0.1:{args.http_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        smtp.stop()


if __name__ == "__main__":
    main()
