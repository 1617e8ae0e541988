"""The console's log lines (``make run``): one short readable line an event, in colour where asked or on a terminal."""
import io
import logging
import re
import sys

import pytest

from chassis import logs
from chassis.logs import ConsoleFormatter, JsonFormatter, formatter_for

_ESCAPES = re.compile(r"\033\[[0-9;]*m")


def _record(message: str, level: int = logging.INFO, **extra) -> logging.LogRecord:
    return logging.getLogger("chassis.test").makeRecord("chassis.test", level, "", 0, message, None, None, extra=extra)


@pytest.fixture
def process_named(monkeypatch):
    monkeypatch.setattr(logs, "_service", "billing")
    monkeypatch.setattr(logs, "_process", "billing-relay")


def test_a_line_shows_time_level_process_message_fields_and_request_id(process_named):
    token = logs.bind_request_id("rid-42")
    try:
        line = ConsoleFormatter().format(_record("message sent", channel="sms", reason="no answer"))
    finally:
        logs.reset_request_id(token)
    assert re.fullmatch(r'\d\d:\d\d:\d\d\.\d{3} INFO  billing-relay message sent channel=sms reason="no answer" '
                        r'rid=rid-42', line), line


def test_line_breaks_in_a_message_or_a_value_never_start_a_line_of_their_own(process_named):
    forged = "x\n12:00:00.000 ERROR customers-web forged"
    line = ConsoleFormatter().format(_record(f"note {forged}", note=forged, bell="\x07\x1b[2J"))
    assert "\n" not in line and "\x1b" not in line and "\x07" not in line
    assert "x\\n12:00:00.000 ERROR" in line and "\\x07\\x1b[2J" in line


def test_colour_marks_the_level_and_nothing_is_lost_without_it(process_named):
    record = _record("consumer lost the broker", logging.WARNING, error="ConnectionClosed")
    coloured = ConsoleFormatter(colour=True).format(record)
    plain = ConsoleFormatter(colour=False).format(record)
    assert "\033[33mWARN \033[0m" in coloured
    assert "\033" not in plain
    assert _ESCAPES.sub("", coloured) == plain


def test_an_exception_follows_its_line_described_as_in_the_json_line(process_named):
    import psycopg

    try:
        raise psycopg.errors.UniqueViolation("Key (email)=(pat@example.test) already exists.")
    except psycopg.Error:
        record = logging.getLogger("chassis.test").makeRecord(
            "chassis.test", logging.ERROR, "", 0, "handler failed", None, sys.exc_info())
    first, *rest = ConsoleFormatter().format(record).splitlines()
    assert first.endswith("ERROR billing-relay handler failed")
    assert rest and all(row.startswith("    ") for row in rest)
    assert rest[-1] == "    UniqueViolation (message withheld: it may quote data)"
    assert "\n".join(row[4:] for row in rest) == JsonFormatter().formatException(record.exc_info)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("log_format", "colour_env", "no_color", "stream", "expected"), [
    (None, None, None, Terminal(), (JsonFormatter, None)),                 # production and files: JSON lines
    ("json", "1", None, Terminal(), (JsonFormatter, None)),
    ("console", None, None, Terminal(), (ConsoleFormatter, True)),         # a terminal: in colour
    ("console", None, None, io.StringIO(), (ConsoleFormatter, False)),     # a pipe or a file: plain
    ("console", None, "1", Terminal(), (ConsoleFormatter, False)),         # NO_COLOR is honoured
    ("console", "1", None, io.StringIO(), (ConsoleFormatter, True)),       # make run on a terminal, through a pipe
    ("console", "0", None, Terminal(), (ConsoleFormatter, False)),
    (" Console ", None, None, io.StringIO(), (ConsoleFormatter, False)),
])
def test_the_format_is_chosen_by_the_environment(monkeypatch, log_format, colour_env, no_color, stream, expected):
    for name, value in (("FIELDWORK_LOG_COLOR", colour_env), ("NO_COLOR", no_color)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    chosen = formatter_for(log_format, stream)
    kind, colour = expected
    assert type(chosen) is kind
    if colour is not None:
        assert chosen.colour is colour


def test_configure_writes_console_lines_named_after_the_process(monkeypatch, capsys):
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logs._service, logs._process)
    monkeypatch.setenv("FIELDWORK_LOG_FORMAT", "console")
    monkeypatch.setenv("FIELDWORK_PROCESS_NAME", "jobs-scheduler")
    monkeypatch.delenv("FIELDWORK_LOG_COLOR", raising=False)
    try:
        logs.configure("jobs")
        logging.getLogger("jobs.scheduler").info("scheduler pass", extra={"visits_created": 3})
    finally:
        root.handlers[:], _, logs._service, logs._process = saved
        root.setLevel(saved[1])
    line = capsys.readouterr().err.strip()
    assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} INFO  jobs-scheduler scheduler pass visits_created=3", line), line


def test_make_run_starts_every_process_with_console_lines_under_its_own_name(monkeypatch):
    import importlib.util
    import subprocess
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "tools" / "run_local.py"
    spec = importlib.util.spec_from_file_location("run_local", script)
    run_local = importlib.util.module_from_spec(spec)
    monkeypatch.syspath_prepend(str(script.parent))  # the script imports its neighbours, as when run
    spec.loader.exec_module(run_local)
    monkeypatch.delenv("FIELDWORK_LOG_FORMAT", raising=False)
    env = run_local._environment()
    assert env["FIELDWORK_LOG_FORMAT"] == "console"
    line = run_local._named("jobs-relay: fieldwork-jobs relay")
    assert line == "jobs-relay: env FIELDWORK_PROCESS_NAME=jobs-relay fieldwork-jobs relay"

    command = line.split(":", 1)[1].split()[1:-2] + [sys.executable, "-c", (
        "import logging; from chassis import logs; logs.configure('jobs'); logging.getLogger('x').info('relay ready')")]
    written = subprocess.run(["env", *command], env={**env, "FIELDWORK_LOG_COLOR": "0"}, capture_output=True,
                             text=True, check=True).stderr.strip()
    assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} INFO  jobs-relay relay ready", written), written
