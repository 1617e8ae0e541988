"""A lean HTTP/1.1 keep-alive GET for the services' JSON reads, the calls every workspace makes five of.

urllib3 (over http.client and its email-parser headers) spent ≈450 µs of CPU a call here, a raw socket
read of the same answer ≈60 µs: on a 2-core box five calls a workspace were a third of the gateway's
CPU. The services are our own gunicorn processes answering framed HTTP/1.1, so reading one answer is a
status line, a few headers and a Content-Length (or chunked) body; anything else still works (an answer
framed by closing the connection is read to the end and the connection dropped). Writes, uploads and
the proxied resource API keep going through urllib3.
"""
from __future__ import annotations

import select
import socket
import threading
import time

from urllib3 import HTTPHeaderDict

_RECV = 65536
_NO_BODY = (204, 304)


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
        except (OSError, ValueError):
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


def _read_reply(sock: socket.socket, ends_at: float) -> tuple[int, bytes, HTTPHeaderDict, bool]:
    buffer = b""
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end >= 0:
            break
        chunk = _recv(sock, ends_at)
        if not chunk:
            raise ValueError("connection closed before the answer's headers")
        buffer += chunk
    head = buffer[:end].decode("latin-1").split("\r\n")
    rest = buffer[end + 4:]
    version, _, status_text = head[0].partition(" ")
    status = int(status_text[:3])
    headers = HTTPHeaderDict()
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers.add(name.strip(), value.strip())
    connection = headers.get("Connection", "").lower()
    reusable = version == "HTTP/1.1" and "close" not in connection
    if status in _NO_BODY or 100 <= status < 200:
        return status, b"", headers, reusable
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        body, rest = _read_chunked(sock, rest, ends_at)
        return status, body, headers, reusable and not rest
    length = headers.get("Content-Length")
    if length is not None:
        size = int(length)
        parts, have = [rest], len(rest)
        while have < size:
            chunk = _recv(sock, ends_at)
            if not chunk:
                raise ValueError("connection closed inside the body")
            parts.append(chunk)
            have += len(chunk)
        body = b"".join(parts)
        return status, body[:size], headers, reusable and have == size
    parts = [rest]  # framed by the end of the connection
    while chunk := _recv(sock, ends_at):
        parts.append(chunk)
    return status, b"".join(parts), headers, False


def _read_chunked(sock: socket.socket, buffer: bytes, ends_at: float) -> tuple[bytes, bytes]:
    body = []
    while True:
        while (line_end := buffer.find(b"\r\n")) < 0:
            buffer += _more(sock, ends_at)
        size = int(buffer[:line_end].split(b";", 1)[0], 16)
        buffer = buffer[line_end + 2:]
        if size == 0:
            while (trailer_end := buffer.find(b"\r\n")) != 0:  # trailers, then the blank line
                if trailer_end < 0:
                    buffer += _more(sock, ends_at)
                else:
                    buffer = buffer[trailer_end + 2:]
            return b"".join(body), buffer[2:]
        while len(buffer) < size + 2:
            buffer += _more(sock, ends_at)
        body.append(buffer[:size])
        buffer = buffer[size + 2:]


def _more(sock: socket.socket, ends_at: float) -> bytes:
    chunk = _recv(sock, ends_at)
    if not chunk:
        raise ValueError("connection closed inside a chunked body")
    return chunk
