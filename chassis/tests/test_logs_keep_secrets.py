"""Logs never carry statement parameters, driver error details, request bodies, tokens or secrets in paths, in
either format: JSON lines (production) or the console's readable lines (``make run``)."""
import io
import logging
import uuid

import pytest

from chassis import logs
from chassis.logs import ConsoleFormatter, JsonFormatter

CARD, CVV, EMAIL = "4242424242424242", "cvv 737", "pat.secret@example.test"
MAGIC = "mL-7f3c9a1e5b2d4c6e8f0a"


class Written(io.StringIO):
    """The lines a handler wrote, and how its format shows one field of a line."""

    def __init__(self, log_format: str, colour: bool):
        super().__init__()
        self.log_format, self.colour = log_format, colour

    def message(self, text: str) -> str:
        return f'"message":"{text}"' if self.log_format == "json" else f" {text}"

    def field(self, name: str, value: str) -> str:
        if self.log_format == "json":
            return f'"{name}":"{value}"'
        return f"\033[2m{name}=\033[0m{value}" if self.colour else f"{name}={value}"


@pytest.fixture(params=["json", "console", "console in colour"])
def every_log_line(request):
    """Every line any logger writes during the test, as each format's handler writes it."""
    colour = "colour" in request.param
    written = Written(request.param.split()[0], colour)
    handler = logging.StreamHandler(written)
    handler.setFormatter(JsonFormatter() if request.param == "json" else ConsoleFormatter(colour=colour))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield written
    finally:
        root.removeHandler(handler)


def test_a_database_error_on_a_body_of_card_data_and_an_email_logs_none_of_them(client, auth, every_log_line):
    # The database refuses the row (its note is too long), and its DETAIL quotes the whole row back.
    body = {"email": EMAIL, "note": f"card {CARD} {CVV}"}
    response = client.post("/contacts", json=body, headers={**auth, "X-Request-Id": "db-error-1"})
    assert response.status_code == 500
    lines = every_log_line.getvalue()
    # the failure is logged, by its type
    assert every_log_line.message("unhandled error") in lines and "CheckViolation" in lines
    for secret in (CARD, CVV, EMAIL, auth["Authorization"].split()[1]):
        assert secret not in lines


def test_a_unique_violation_quoting_the_key_logs_no_email(client, auth, every_log_line):
    email = f"{uuid.uuid4().hex}.{EMAIL}"  # one per format: the table outlives each run of the test
    assert client.post("/contacts", json={"email": email, "note": "first"}, headers=auth).status_code == 201
    assert client.post("/contacts", json={"email": email, "note": "again"}, headers=auth).status_code == 500
    lines = every_log_line.getvalue()
    assert "UniqueViolation" in lines and email not in lines


def test_the_access_line_names_the_route_not_the_path_with_its_token(client, every_log_line):
    assert client.get(f"/magic/{MAGIC}").status_code == 404
    assert client.get(f"/no-such-route/{MAGIC}").status_code == 404
    lines = every_log_line.getvalue()
    assert every_log_line.field("route", "/magic/<token>") in lines
    assert MAGIC not in lines


def test_a_handlers_error_is_logged_by_its_type_and_frames_never_its_message():
    try:
        raise RuntimeError(f"customer {EMAIL} paid with {CARD}")
    except RuntimeError as error:
        logged = logs.format_exception(error, messages=False)
    assert "RuntimeError" in logged and "test_logs_keep_secrets.py" in logged
    assert EMAIL not in logged and CARD not in logged


def test_a_driver_error_anywhere_in_the_chain_is_described_without_its_message():
    import psycopg

    try:
        try:
            raise psycopg.errors.UniqueViolation(f"Key (email)=({EMAIL}) already exists.")
        except psycopg.Error as error:
            raise ValueError("the write failed") from error
    except ValueError as error:
        logged = logs.format_exception(error)
    assert "UniqueViolation (message withheld" in logged and "ValueError: the write failed" in logged
    assert EMAIL not in logged
    assert logged.index("UniqueViolation") < logged.index("direct cause") < logged.index("ValueError")


def test_the_consumer_logs_a_failing_handler_by_its_type_and_frames(app, every_log_line):
    import threading

    from chassis.messaging.consumer import Consumer, _Delivery
    from chassis.messaging.options import MessagingOptions

    class Connection:  # where the consumer hands back the message; the broker is not what this test is about
        def add_callback_threadsafe(self, callback):
            pass

    runtime = app.extensions["fieldwork"]
    stopped = threading.Event()
    stopped.set()  # no pause before the retry
    consumer = Consumer(runtime, MessagingOptions.from_settings(runtime.settings), stopped)
    delivery = _Delivery(Connection(), None, 1, "customer.created", b"{}", previous_deliveries=0)
    try:
        raise KeyError(f"{EMAIL} paid with {CARD}")
    except KeyError as error:
        consumer._retry_later(delivery, 1, error)
    lines = every_log_line.getvalue()
    assert "handler failed" in lines and "KeyError" in lines and "test_logs_keep_secrets.py" in lines
    assert EMAIL not in lines and CARD not in lines
