"""Logs as one JSON object a line (production, files), or one short readable line (a console: ``make run``), each
carrying the request id that caused it. ``FIELDWORK_LOG_FORMAT`` chooses: ``json`` (the default) or ``console``."""
from __future__ import annotations

import contextvars
import datetime as dt
import logging
import os
import re
import zlib
import sys
import traceback
import uuid

import orjson

REQUEST_ID_HEADER = "X-Request-Id"
ACCESS_LOG = logging.getLogger("fieldwork.access")
# A request id from outside is kept only when it is a short, plain token: it goes into every log line, every
# response and every event's envelope (whose contract bounds it), so anything else is replaced by one of ours.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Exceptions whose message may quote the data they failed on: a driver's DETAIL ("Key (email)=(…)"), SQLAlchemy's
# statement and parameters, a contract violation's offending value. Their logs show the type and the frames only.
_DATA_QUOTING_MODULES = ("sqlalchemy", "psycopg", "psycopg2", "psycopg_pool", "jsonschema", "fieldwork_contracts")
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
# Process-wide, not a ContextVar: threads (gunicorn gthread workers, consumers) start with an empty context.
_service: str | None = None
_process: str | None = None  # the console's name for this process (FIELDWORK_PROCESS_NAME: customers-web)


def current_request_id() -> str | None:
    return _request_id.get()


def bind_request_id(value: str | None) -> contextvars.Token:
    """Sets the request id for what runs next in this thread (a request, or an event's handler): ``value`` when
    it is a short plain token, else a fresh one."""
    return _request_id.set(value if value and _SAFE_REQUEST_ID.fullmatch(value) else uuid.uuid4().hex)


def quotes_data(error: BaseException) -> bool:
    """Whether the error's message may carry the values it failed on (and so never goes into a log)."""
    module = type(error).__module__
    return any(module == name or module.startswith(name + ".") for name in _DATA_QUOTING_MODULES)


def describe_error(error: BaseException) -> str:
    """What a log line may say of an error: its type, and its message unless that may quote data."""
    name = type(error).__qualname__
    if quotes_data(error):
        return f"{name} (message withheld: it may quote data)"
    return f"{name}: {error}" if str(error) else name


def format_exception(error: BaseException, *, messages: bool = True) -> str:
    """A traceback as Python prints it, every exception in the chain described by ``describe_error`` (by its type
    alone without ``messages``: an event handler's error may quote the event it failed on)."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current, link = error, ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "The above exception was the direct cause of the following exception:"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "During handling of the above exception, another exception occurred:"
        else:
            current = None
    parts = []
    for exception, link in reversed(chain):
        frames = "".join(traceback.format_tb(exception.__traceback__))
        described = describe_error(exception) if messages else type(exception).__qualname__
        parts.append(f"Traceback (most recent call last):\n{frames}{described}")
        if link:
            parts.append(link)
    return "\n\n".join(parts)


def reset_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)


def log_access(method: str, route: str | None, status: int, duration_ms: float | None) -> None:
    """The access line of a request (gunicorn's own has no request id).

    ``route`` is the rule the request matched (``/portal/magic/<token>``), never the path as sent, which may carry
    a secret; a request that matched no route has none.

    Made with ``makeRecord`` and ``handle``, as ``Logger.info`` would after first walking the stack for the
    caller's file, line and function, which the line never shows; the same handlers, filters and levels apply.
    """
    if ACCESS_LOG.isEnabledFor(logging.INFO):
        ACCESS_LOG.handle(ACCESS_LOG.makeRecord(
            ACCESS_LOG.name, logging.INFO, "", 0, "request", None, None,
            extra={"method": method, "route": route, "status": status, "duration_ms": duration_ms}))


_STANDARD_ATTRIBUTES = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


def _fields(record: logging.LogRecord) -> dict:
    """What the line's caller passed in ``extra``: both formats show the same, so what one may carry the other may."""
    return {k: v for k, v in record.__dict__.items() if k not in _STANDARD_ATTRIBUTES and not k.startswith("_")}


class _Formatter(logging.Formatter):
    def formatException(self, exc_info) -> str:
        return format_exception(exc_info[1]) if exc_info[1] is not None else super().formatException(exc_info)


class JsonFormatter(_Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "service": _service,
            "request_id": _request_id.get(),
        }
        entry.update(_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        # orjson: every request writes a line, and the standard library's encoder shows in each call's CPU
        # (bench/README.md).
        return orjson.dumps(entry, default=str).decode()


_LEVEL_COLOURS = {"DEBUG": "2", "INFO": "32", "WARN": "33", "ERROR": "31", "CRIT": "1;31"}
_PROCESS_COLOURS = ("36", "35", "34", "33", "32", "96", "95", "94", "93", "92")
# Line breaks and other control characters in a message or a value are shown escaped: one event stays one line,
# and nothing a caller sent can forge a line of its own or move the terminal's cursor.
_CONTROL = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7f)} | {0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t"}


def _one_line(text: str) -> str:
    return text.translate(_CONTROL)


def _value(value) -> str:
    text = _one_line(str(value))
    return f'"{text}"' if not text or " " in text or "=" in text else text


class ConsoleFormatter(_Formatter):
    """One short line a person reads: time, level, process, message, the extra fields and the request id; an
    exception's traceback (described as in the JSON line: no message that may quote data) on the lines below."""

    def __init__(self, colour: bool = False):
        super().__init__()
        self.colour = colour

    def _paint(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def format(self, record: logging.LogRecord) -> str:
        at = dt.datetime.fromtimestamp(record.created).strftime("%H:%M:%S.%f")[:-3]
        level = {"WARNING": "WARN", "CRITICAL": "CRIT"}.get(record.levelname, record.levelname)
        process = _process or _service or record.name
        parts = [self._paint("2", at), self._paint(_LEVEL_COLOURS.get(level, "0"), f"{level:<5}"),
                 self._paint(_PROCESS_COLOURS[zlib.crc32(process.encode()) % len(_PROCESS_COLOURS)], process),
                 _one_line(record.getMessage())]
        parts += [f"{self._paint('2', name + '=')}{_value(value)}" for name, value in _fields(record).items()]
        if request_id := _request_id.get():
            parts.append(self._paint("2", f"rid={request_id}"))
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + "\n".join("    " + row for row in self.formatException(record.exc_info).splitlines())
        return line


def _wants_colour(stream) -> bool:
    """FIELDWORK_LOG_COLOR=1/0 decides (``make run`` says whether its own output is a terminal, since the processes
    write into a pipe); otherwise colour when the stream is a terminal, never when NO_COLOR is set."""
    chosen = os.environ.get("FIELDWORK_LOG_COLOR", "")
    if chosen:
        return chosen.lower() in ("1", "true", "yes", "always")
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def formatter_for(log_format: str | None, stream) -> logging.Formatter:
    """The formatter ``FIELDWORK_LOG_FORMAT`` names (json unless it says console)."""
    if (log_format or "json").strip().lower() == "console":
        return ConsoleFormatter(colour=_wants_colour(stream))
    return JsonFormatter()


def adopt(logger: logging.Logger, service: str | None) -> None:
    """Another program's logger writing in our form (gunicorn's own lines: starting, a worker booted or timed out):
    its handlers keep their streams and take the formatter ``FIELDWORK_LOG_FORMAT`` names, so ``make run``'s console
    shows them as one short line each and production gets JSON like every other line."""
    global _service, _process
    _service = _service or service
    _process = _process or os.environ.get("FIELDWORK_PROCESS_NAME") or service
    for handler in logger.handlers:
        stream = getattr(handler, "stream", sys.stderr)
        handler.setFormatter(formatter_for(os.environ.get("FIELDWORK_LOG_FORMAT"), stream))


def configure(service: str, level: str = "INFO") -> None:
    global _service, _process
    _service = service
    _process = os.environ.get("FIELDWORK_PROCESS_NAME") or service
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter_for(os.environ.get("FIELDWORK_LOG_FORMAT"), sys.stderr))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("pika").setLevel(logging.WARNING)
