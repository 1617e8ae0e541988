"""A lean HTTP/1.1 keep-alive GET for the services' JSON reads, the calls every workspace makes five of.

urllib3 (over http.client and its email-parser headers) spent ≈450 µs of CPU a call here, a raw socket
read of the same answer ≈60 µs: on a 2-core box five calls a workspace were a third of the gateway's
CPU. So this module keeps only what the call itself needs: a pool of idle connections, one deadline over
connect, send and read, and urllib3's names for what went wrong (the breaker and the workspace report them).
Reading the answer (status, headers, where the body ends: Content-Length, chunks or the connection
closing, and whether the connection may be reused) is left to httptools, the binding of llhttp that uvicorn
reads requests with: framing is where hand-written readers go wrong (chunk extensions and trailers, bytes past
the end, HTTP/1.0, interim 1xx answers), and llhttp, written in C, costs no more CPU than the hand-written reader
it replaced. Writes, uploads and the proxied resource API keep going through urllib3.
"""
from __future__ import annotations

import select
import socket
import threading
import time

import httptools
from urllib3 import HTTPHeaderDict

_RECV = 65536


class Unreachable(Exception):
    """The call failed before an answer was read; ``reason`` names it as urllib3 would."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class KeepAliveGets:
    """Idle connections to one service, reused most-recent first; each call owns its connection."""

    def __init__(self, host: str, port: int, max_idle: int):
        self._address = (host, port)
        self._host_header = f"Host: {host}:{port}\r\n"
        self._max_idle = max_idle
        self._idle: list[socket.socket] = []
        self._lock = threading.Lock()

    def get(self, target: str, headers: dict[str, str], timeout_seconds: float) -> tuple[int, bytes, HTTPHeaderDict]:
        lines = [f"GET {target} HTTP/1.1\r\n", self._host_header]
        for name, value in headers.items():
            if "\r" in value or "\n" in value or "\r" in name or "\n" in name:
                raise ValueError(f"Invalid header {name!r}")
            lines.append(f"{name}: {value}\r\n")
        lines.append("\r\n")
        request = "".join(lines).encode("latin-1")
        ends_at = time.monotonic() + timeout_seconds
        sock = self._checkout(ends_at)
        try:
            sock.sendall(request)
            status, body, reply_headers, reusable = _read_reply(sock, ends_at)
        except socket.timeout:
            sock.close()
            raise Unreachable("ReadTimeoutError") from None
        except (OSError, ValueError, httptools.HttpParserError):
            sock.close()
            raise Unreachable("ProtocolError") from None
        if reusable:
            self._checkin(sock)
        else:
            sock.close()
        return status, body, reply_headers

    def _checkout(self, ends_at: float) -> socket.socket:
        while True:
            with self._lock:
                sock = self._idle.pop() if self._idle else None
            if sock is None:
                break
            if not _dropped(sock):
                return sock
            sock.close()
        try:
            sock = socket.create_connection(self._address, timeout=max(0.001, ends_at - time.monotonic()))
        except socket.timeout:
            raise Unreachable("ConnectTimeoutError") from None
        except OSError:
            raise Unreachable("NewConnectionError") from None
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def _checkin(self, sock: socket.socket) -> None:
        with self._lock:
            if len(self._idle) < self._max_idle:
                self._idle.append(sock)
                return
        sock.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for sock in idle:
            sock.close()


def _dropped(sock: socket.socket) -> bool:
    """An idle connection with something to read has been closed by the server (or is out of step)."""
    poller = select.poll()  # not select(): it refuses descriptors past 1024, which a busy worker reaches
    poller.register(sock, select.POLLIN)
    try:
        return bool(poller.poll(0))
    except OSError:
        return True


def _recv(sock: socket.socket, ends_at: float) -> bytes:
    remaining = ends_at - time.monotonic()
    if remaining <= 0:
        raise socket.timeout()
    sock.settimeout(remaining)
    return sock.recv(_RECV)


class _Answer:
    """httptools' callbacks for one answer: llhttp finds where it ends, this keeps what it said."""

    __slots__ = ("parser", "status", "headers", "parts", "done", "reusable")

    def __init__(self):
        self.parser = httptools.HttpResponseParser(self)
        self.status = 0
        self.headers = HTTPHeaderDict()
        self.parts: list[bytes] = []
        self.done = False
        self.reusable = False

    def on_message_begin(self) -> None:
        if self.done:  # bytes past the end of the answer: the connection is out of step, so stop there
            raise ValueError("data after the answer")

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.status:  # past the head: a chunked body's trailers, which urllib3 drops too
            return
        self.headers.add(name.decode("latin-1"), value.decode("latin-1"))

    def on_headers_complete(self) -> None:
        self.status = self.parser.get_status_code()

    def on_body(self, body: bytes) -> None:
        self.parts.append(body)

    def on_message_complete(self) -> None:
        if self.status < 200:  # an interim answer (100 Continue, 103 Early Hints); the real one follows
            self.status, self.headers = 0, HTTPHeaderDict()
            return
        # Asked here: llhttp forgets the answer's Connection and framing once the next message may begin.
        self.reusable = self.parser.should_keep_alive()
        self.done = True

    def ended_by_close(self) -> bool:
        """An answer with neither a length nor chunks is framed by the server closing the connection."""
        return (self.status != 0 and "Content-Length" not in self.headers
                and "chunked" not in self.headers.get("Transfer-Encoding", "").lower())


def _read_reply(sock: socket.socket, ends_at: float) -> tuple[int, bytes, HTTPHeaderDict, bool]:
    answer = _Answer()
    while not answer.done:
        data = _recv(sock, ends_at)
        if not data:
            # httptools has no way to say "end of input" (llhttp_finish is not bound), so the one framing that
            # ends there is recognised here; anything else cut short is a broken answer.
            if not answer.ended_by_close():
                raise ValueError("connection closed before the end of the answer")
            return answer.status, b"".join(answer.parts), answer.headers, False
        try:
            answer.parser.feed_data(data)
        except httptools.HttpParserError:
            if not answer.done:
                raise
            answer.reusable = False  # the answer was whole, but something followed it
        except httptools.HttpParserUpgrade:
            raise ValueError("the service switched protocols on a GET") from None
    return answer.status, b"".join(answer.parts), answer.headers, answer.reusable
