"""The relay process: publishes the outbox in order and marks rows sent only after the broker confirmed them.

Rows are claimed by their unsent state (``FOR UPDATE SKIP LOCKED``), never by a "last id sent"
mark: a lower position can commit after a higher one. One relay per service is active at a
time (a PostgreSQL advisory lock); others stand by and take over when its session ends. A
crash between publish and mark publishes a batch again; consumers' inboxes absorb that.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from datetime import datetime, timezone

import pika
import psycopg
from sqlalchemy.engine import make_url

from chassis import logs
from chassis.db.schema import OUTBOX_CHANNEL
from chassis.messaging import stats
from chassis.messaging.broker import BROKER_ERRORS, Backoff, connection_parameters, quiet_pika
from chassis.messaging.options import MessagingOptions
from chassis.messaging.publisher import ConfirmingPublisher, Message, PublishFailed
from chassis.messaging.stopping import stop_on_signals
from chassis.settings import Settings

log = logging.getLogger(__name__)

RELAY_LOCK_KEY = 7_277_011_826_431_010  # any fixed bigint; the lock lives in each service's own database

_CLAIM = """SELECT position, event_id::text, event_type, envelope::text FROM outbox
            WHERE sent_at IS NULL ORDER BY position LIMIT %s FOR UPDATE SKIP LOCKED"""
_MARK_SENT = """UPDATE outbox SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
                WHERE position = ANY(%s)"""
_MARK_UNROUTABLE = "UPDATE outbox SET last_error = %s WHERE event_id = ANY(%s::uuid[])"
_RECORD_FAILURE = """UPDATE outbox SET attempts = attempts + 1, last_error = %s
                     WHERE position = ANY(%s) AND sent_at IS NULL"""


def psycopg_url(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _notify_already_read(db: psycopg.Connection) -> bool:
    """libpq may have read a NOTIFY together with the last query's answer; waiting on the socket would miss it."""
    db.pgconn.consume_input()
    found = False
    while db.pgconn.notifies() is not None:
        found = True
    return found


class OutboxRelay:
    def __init__(self, settings: Settings, options: MessagingOptions, stop: threading.Event):
        self.settings, self.options, self.stop = settings, options, stop

    def run(self) -> None:
        backoff = Backoff(self.options.backoff_max_seconds)
        while not self.stop.is_set():
            try:
                with psycopg.connect(psycopg_url(self.settings.database_url), autocommit=True,
                                     application_name=f"fieldwork-{self.settings.service}-relay") as db:
                    if not self._become_active(db):
                        break
                    db.execute(f"LISTEN {OUTBOX_CHANNEL}")
                    publisher = ConfirmingPublisher(
                        connection_parameters(self.settings, self.options, "relay"), self.settings.exchange).start()
                    try:
                        backoff.reset()
                        self._publish_until_stopped(db, publisher)
                    finally:
                        publisher.close()
            except (psycopg.Error, PublishFailed, *BROKER_ERRORS) as exc:
                log.warning("relay lost a connection; reconnecting", extra={"error": logs.describe_error(exc)})
                backoff.wait(self.stop)
        log.info("relay stopped")

    def _become_active(self, db: psycopg.Connection) -> bool:
        standing_by = False
        while not self.stop.is_set():
            if db.execute("SELECT pg_try_advisory_lock(%s)", (RELAY_LOCK_KEY,)).fetchone()[0]:
                log.info("relay active")
                return True
            if not standing_by:
                log.info("another relay is active; standing by")
                standing_by = True
            self.stop.wait(self.options.relay_standby_seconds)
        return False

    def _publish_until_stopped(self, db: psycopg.Connection, publisher: ConfirmingPublisher) -> None:
        while not self.stop.is_set():
            if self.relay_batch(db, publisher) == 0:
                self._wait_for_news(db, publisher)

    def _wait_for_news(self, db: psycopg.Connection, publisher: ConfirmingPublisher) -> None:
        """Until a NOTIFY (a commit wrote events) or the poll interval; short slices keep SIGTERM prompt."""
        if _notify_already_read(db):
            return
        deadline = time.monotonic() + self.options.relay_poll_seconds
        while not self.stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if not publisher.is_open:
                raise PublishFailed("broker connection closed while idle")
            for _notify in db.notifies(timeout=min(remaining, 0.25), stop_after=1):
                return

    def relay_batch(self, db: psycopg.Connection, publisher: ConfirmingPublisher) -> int:
        """Publishes the next unsent rows; returns how many (0 when the outbox is drained)."""
        failure: PublishFailed | None = None
        with db.transaction():
            rows = db.execute(_CLAIM, (self.options.relay_batch_size,)).fetchall()
            if not rows:
                return 0
            try:
                unroutable = publisher.publish_batch([self._message(row) for row in rows],
                                                     self.options.confirm_timeout_seconds)
            except PublishFailed as exc:
                failure = exc
            else:
                db.execute(_MARK_SENT, ([row[0] for row in rows],))
                if unroutable:
                    db.execute(_MARK_UNROUTABLE, ("unroutable: no queue is bound for this type", list(unroutable)))
        if failure is not None:
            self._record_failure(db, [row[0] for row in rows], failure)
            raise failure
        self._count(rows, unroutable)
        return len(rows)

    def _message(self, row: tuple) -> Message:
        _position, event_id, event_type, envelope = row
        properties = pika.BasicProperties(
            delivery_mode=pika.DeliveryMode.Persistent, content_type="application/json", message_id=event_id,
            type=event_type, app_id=self.settings.service, timestamp=int(datetime.now(timezone.utc).timestamp()))
        return Message(event_type, envelope.encode(), properties)

    def _record_failure(self, db: psycopg.Connection, positions: list[int], failure: PublishFailed) -> None:
        try:
            db.execute(_RECORD_FAILURE, (str(failure)[:500], positions))
        except psycopg.Error:
            pass  # the database went too; the rows are unsent either way

    def _count(self, rows: list[tuple], unroutable: set[str]) -> None:
        service = self.settings.service
        for event_type, count in Counter(row[2] for row in rows).items():
            stats.PUBLISHED.labels(service, event_type).inc(count)
        for row in rows:
            if row[1] in unroutable:
                stats.UNROUTABLE.labels(service, row[2]).inc()
                log.warning("event published but routed nowhere", extra={"event_id": row[1], "event_type": row[2]})


def run_relay(runtime) -> None:
    quiet_pika()
    stats.serve_if_configured()
    OutboxRelay(runtime.settings, MessagingOptions.from_settings(runtime.settings), stop_on_signals()).run()
