"""Logs as one JSON object a line, each carrying the request id that caused it."""
from __future__ import annotations

import contextvars
import datetime as dt
import logging
import sys
import uuid

import orjson

REQUEST_ID_HEADER = "X-Request-Id"
ACCESS_LOG = logging.getLogger("fieldwork.access")
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
# Process-wide, not a ContextVar: threads (gunicorn gthread workers, consumers) start with an empty context.
_service: str | None = None


def current_request_id() -> str | None:
    return _request_id.get()


def bind_request_id(value: str | None) -> contextvars.Token:
    """Sets the request id for what runs next in this thread (a request, or an event's handler)."""
    return _request_id.set(value or uuid.uuid4().hex)


def reset_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)


def log_access(method: str, path: str, status: int, duration_ms: float | None) -> None:
    """The access line of a request (gunicorn's own has no request id).

    Made with ``makeRecord`` and ``handle``, as ``Logger.info`` would after first walking the stack for the
    caller's file, line and function, which the line never shows; the same handlers, filters and levels apply.
    """
    if ACCESS_LOG.isEnabledFor(logging.INFO):
        ACCESS_LOG.handle(ACCESS_LOG.makeRecord(
            ACCESS_LOG.name, logging.INFO, "", 0, "request", None, None,
            extra={"method": method, "path": path, "status": status, "duration_ms": duration_ms}))


class JsonFormatter(logging.Formatter):
    _SKIP = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "service": _service,
            "request_id": _request_id.get(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in self._SKIP and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        # orjson: every request writes a line, and the standard library's encoder was a tenth of a call's CPU.
        return orjson.dumps(entry, default=str).decode()


def configure(service: str, level: str = "INFO") -> None:
    global _service
    _service = service
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("pika").setLevel(logging.WARNING)
