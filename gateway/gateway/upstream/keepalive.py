"""Lean HTTP/1.1 keep-alive GETs for the services' JSON reads, many in flight at once on one thread.

urllib3 (over http.client and its email-parser headers) spent ≈450 µs of CPU a call here, a raw socket
read of the same answer ≈60 µs: on a 2-core box five calls a workspace were a third of the gateway's
CPU. A thread per call cost as much again: a workspace's five calls handed to a pool woke five threads and
five futures, ≈880 µs of CPU a workspace against ≈525 µs for the same calls sent at once from the request's
own thread and read as they arrive under one ``poll`` (measured back to back against the running services).

So a read is an ``Exchange``: one GET on a connection of its own, non-blocking from connect to the answer's
last byte, advanced whenever its socket is ready; ``drive`` runs any number of them to their ends or their
deadlines. Each keeps only what the call itself needs: a pool of idle connections, one deadline over
connect, send and read, and urllib3's names for what went wrong (the breaker and the workspace report them).
Reading the answer (status, headers, where the body ends: Content-Length, chunks or the connection
closing, and whether the connection may be reused) is left to httptools, the binding of llhttp that uvicorn
reads requests with: framing is where hand-written readers go wrong (chunk extensions and trailers, bytes past
the end, HTTP/1.0, interim 1xx answers). Writes, uploads and the proxied resource API keep going through urllib3.
"""
from __future__ import annotations

import errno
import select
import socket
import threading
import time
from collections.abc import Iterable

import httptools
from urllib3 import HTTPHeaderDict

_RECV = 65536
_READ = select.POLLIN | select.POLLPRI
_WRITE = select.POLLOUT
_TROUBLE = select.POLLERR | select.POLLHUP | select.POLLNVAL


class Unreachable(Exception):
    """The call failed before an answer was read; ``reason`` names it as urllib3 would."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class KeepAliveGets:
    """Idle connections to one service, reused most-recent first; each exchange owns its connection."""

    def __init__(self, host: str, port: int, max_idle: int):
        self._host, self._port = host, port
        self._host_header = f"Host: {host}:{port}\r\n"
        self._max_idle = max_idle
        self._idle: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self, target: str, headers: dict[str, str], ends_at: float) -> Exchange:
        """Sends the GET (or starts connecting for it) without waiting; ``drive`` reads the answer."""
        lines = [f"GET {target} HTTP/1.1\r\n", self._host_header]
        for name, value in headers.items():
            if "\r" in value or "\n" in value or "\r" in name or "\n" in name:
                raise ValueError(f"Invalid header {name!r}")
            lines.append(f"{name}: {value}\r\n")
        lines.append("\r\n")
        request = "".join(lines).encode("latin-1")
        sock = self._idle_connection()
        if sock is not None:
            return Exchange(self, sock, request, ends_at, addresses=[])
        try:
            addresses = [info[4] for info in socket.getaddrinfo(self._host, self._port, type=socket.SOCK_STREAM)]
        except OSError:
            raise Unreachable("NewConnectionError") from None
        return Exchange(self, None, request, ends_at, addresses)

    def get(self, target: str, headers: dict[str, str], timeout_seconds: float) -> tuple[int, bytes, HTTPHeaderDict]:
        """One GET, waited for on the calling thread."""
        exchange = self.start(target, headers, time.monotonic() + timeout_seconds)
        drive([exchange])
        return exchange.answer()

    def _idle_connection(self) -> socket.socket | None:
        while True:
            with self._lock:
                sock = self._idle.pop() if self._idle else None
            if sock is None or not _dropped(sock):
                return sock
            sock.close()

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


class Exchange:
    """One GET on its own connection, advanced step by step as its socket gets ready: connecting (trying each
    address the host resolved to), sending, then reading until the answer ends or ``ends_at`` passes."""

    __slots__ = ("_pool", "_sock", "_addresses", "_unsent", "_answer", "ends_at", "_connecting", "_result",
                 "_error")

    def __init__(self, pool: KeepAliveGets, sock: socket.socket | None, request: bytes, ends_at: float,
                 addresses: list):
        self._pool = pool
        self._sock = sock
        self._addresses = addresses
        self._unsent = memoryview(request)
        self._answer = _Answer()
        self.ends_at = ends_at
        self._connecting = sock is None
        self._result: tuple[int, bytes, HTTPHeaderDict] | None = None
        self._error: Unreachable | None = None
        if self._connecting:
            self._connect_next()
        else:
            self._send()

    @property
    def finished(self) -> bool:
        return self._result is not None or self._error is not None

    def fileno(self) -> int:
        return self._sock.fileno()

    def events(self) -> int:
        return _WRITE if self._connecting or self._unsent else _READ

    def answer(self) -> tuple[int, bytes, HTTPHeaderDict]:
        """Status, body and headers; raises Unreachable if the call failed or was given up."""
        if self._error is not None:
            raise self._error
        if self._result is None:
            raise RuntimeError("the exchange has not finished")
        return self._result

    def step(self, ready: int) -> None:
        """Advances the exchange by what its socket is ready for; it finishes or waits for the next event."""
        try:
            if self._connecting:
                failure = self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if failure:
                    self._connect_next()
                    return
                self._connecting = False
            if self._unsent:
                self._send()
            elif ready & (_READ | _TROUBLE):
                self._receive()
        except (OSError, ValueError, httptools.HttpParserError):
            self._fail("ProtocolError")

    def give_up(self, reason: str | None = None) -> None:
        """Ends the exchange unanswered (its deadline passed): its connection, mid-answer, is never reused."""
        self._fail(reason or ("ConnectTimeoutError" if self._connecting else "ReadTimeoutError"))

    def _connect_next(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        while self._addresses:
            address = self._addresses.pop(0)
            sock = socket.socket(socket.AF_INET6 if len(address) == 4 else socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            code = sock.connect_ex(address)
            if code in (0, errno.EINPROGRESS):
                self._sock = sock
                self._connecting = code != 0
                if not self._connecting:
                    self._send()
                return
            sock.close()
        self._fail("NewConnectionError")

    def _send(self) -> None:
        try:
            sent = self._sock.send(self._unsent)
        except BlockingIOError:
            return
        self._unsent = self._unsent[sent:]

    def _receive(self) -> None:
        try:
            data = self._sock.recv(_RECV)
        except BlockingIOError:
            return
        answer = self._answer
        if not data:
            # httptools has no way to say "end of input" (llhttp_finish is not bound), so the one framing that
            # ends there is recognised here; anything else cut short is a broken answer.
            if not answer.ended_by_close():
                raise ValueError("connection closed before the end of the answer")
            self._finish(reusable=False)
            return
        try:
            answer.parser.feed_data(data)
        except httptools.HttpParserError:
            if not answer.done:
                raise
            answer.reusable = False  # the answer was whole, but something followed it
        except httptools.HttpParserUpgrade:
            raise ValueError("the service switched protocols on a GET") from None
        if answer.done:
            self._finish(reusable=answer.reusable)

    def _finish(self, *, reusable: bool) -> None:
        answer = self._answer
        self._result = (answer.status, b"".join(answer.parts), answer.headers)
        sock, self._sock = self._sock, None
        if reusable:
            self._pool._checkin(sock)
        else:
            sock.close()

    def _fail(self, reason: str) -> None:
        if self.finished:
            return
        self._error = Unreachable(reason)
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def drive(exchanges: Iterable[Exchange], ends_at: float | None = None) -> None:
    """Runs the exchanges at once, each to its end or its own deadline, and all of them no later than ``ends_at``
    (what is left then is given up as "deadline")."""
    pending = {exchange.fileno(): exchange for exchange in exchanges if not exchange.finished}
    poller = select.poll()  # not select(): it refuses descriptors past 1024, which a busy worker reaches
    watched: dict[int, int] = {}
    while pending:
        for fd, exchange in pending.items():
            events = exchange.events()
            if watched.get(fd) != events:
                (poller.modify if fd in watched else poller.register)(fd, events)
                watched[fd] = events
        now = time.monotonic()
        first_end = min(exchange.ends_at for exchange in pending.values())
        if ends_at is not None and ends_at <= first_end:
            if ends_at <= now:
                for exchange in pending.values():
                    exchange.give_up("deadline")
                return
            first_end = ends_at
        if first_end <= now:
            for fd, exchange in list(pending.items()):
                if exchange.ends_at <= now:
                    exchange.give_up()
                    _forget(fd, pending, watched, poller)
            continue
        for fd, ready in poller.poll(max(1, int((first_end - now) * 1000 + 0.999))):
            exchange = pending.get(fd)
            if exchange is None:
                continue
            exchange.step(ready)
            if exchange.finished:
                _forget(fd, pending, watched, poller)
            elif exchange.fileno() != fd:  # it moved on to the host's next address
                _forget(fd, pending, watched, poller)
                pending[exchange.fileno()] = exchange


def _forget(fd: int, pending: dict, watched: dict, poller) -> None:
    pending.pop(fd, None)
    if watched.pop(fd, None) is not None:
        try:
            poller.unregister(fd)
        except (KeyError, ValueError):
            pass  # the descriptor was closed (and may be reused): poll forgets closed descriptors by itself


def _dropped(sock: socket.socket) -> bool:
    """An idle connection with something to read has been closed by the server (or is out of step)."""
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    try:
        return bool(poller.poll(0))
    except OSError:
        return True


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
