"""A real HTTP server of the test's own, standing in for an outside system or a service that misbehaves in a way
our processes never would (sleeps, cuts answers short, frames them oddly)."""
from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class QuietHandler(BaseHTTPRequestHandler):
    """A handler that keeps connections alive (HTTP/1.1), answers in one call and writes no access log."""

    protocol_version = "HTTP/1.1"

    def answer(self, status: int, document: Any = None, *, body: bytes | None = None,
               content_type: str = "application/json", headers: dict[str, str] | None = None) -> None:
        """``document`` as JSON, or ``body`` as given, with its length, so the connection can serve the next call."""
        payload = body if body is not None else json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def read_body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def log_message(self, *_args) -> None:
        pass


class LocalServer(ThreadingHTTPServer):
    """Serves ``handler`` on a free port of 127.0.0.1 from a thread of its own; ``url`` is where."""

    # Eight connections opened in the same instant overflow socketserver's default backlog of 5, and the kernel
    # then drops SYNs that are retried a second later (gunicorn listens with a backlog of 2048).
    request_queue_size = 64
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler]):
        super().__init__(("127.0.0.1", 0), handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up closed its end: expected of the tests that use this

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


@contextlib.contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[LocalServer]:
    server = LocalServer(handler)
    try:
        yield server
    finally:
        server.stop()
