"""The consumer process: applies each message once, acks after commit, retries, then dead-letters.

The broker connection lives in the main thread, whose I/O loop keeps heartbeats going; handlers
run in a worker thread (what has arrived meanwhile is applied together, in order, with one commit), which hands acks
back through ``add_callback_threadsafe`` (pika connections are not thread-safe). A failing message goes back to the queue after a growing
pause; the quorum queue counts its deliveries and, past ``x-delivery-limit``, dead-letters it.
A message that breaks its contract can never succeed, so it is dead-lettered at once.
"""
from __future__ import annotations

import json
import logging
import queue
import threading
from dataclasses import dataclass

from chassis import logs
from fieldwork_contracts.checking import ContractError
from chassis.messaging import stats
from chassis.messaging.apply import apply_event, apply_events
from chassis.messaging.broker import BROKER_ERRORS, Backoff, connect, quiet_pika
from chassis.messaging.options import MessagingOptions
from chassis.messaging.stopping import stop_on_signals
from chassis.messaging.topology import declare_consumer_queues

log = logging.getLogger(__name__)

_DRAIN_SECONDS = 10.0  # on stop, how long messages already received may still be handled


@dataclass(frozen=True)
class _Delivery:
    connection: object
    channel: object
    tag: int
    event_type: str
    body: bytes
    previous_deliveries: int   # x-delivery-count: how often the quorum queue handed it out before


class Consumer:
    def __init__(self, runtime, options: MessagingOptions, stop: threading.Event):
        self.runtime, self.options, self.stop = runtime, options, stop
        self.settings = runtime.settings
        self._inbox: queue.Queue[_Delivery | None] = queue.Queue()

    def run(self) -> None:
        worker = threading.Thread(target=self._work, name="consumer-worker", daemon=True)
        worker.start()
        backoff = Backoff(self.options.backoff_max_seconds)
        try:
            while not self.stop.is_set():
                try:
                    self._consume_until_stopped(backoff)
                except BROKER_ERRORS as exc:
                    log.warning("consumer lost the broker; reconnecting", extra={"error": logs.describe_error(exc)})
                    backoff.wait(self.stop)
        finally:
            self._inbox.put(None)
            worker.join(timeout=_DRAIN_SECONDS)
        log.info("consumer stopped")

    def _consume_until_stopped(self, backoff: Backoff) -> None:
        connection = connect(self.settings, self.options, "consumer")
        try:
            channel = connection.channel()
            declare_consumer_queues(channel, self.settings, self.runtime.spec.handlers.types,
                                    self.options.delivery_limit)
            channel.basic_qos(prefetch_count=self.options.prefetch)
            channel.basic_consume(self.settings.queue, lambda ch, method, properties, body: self._inbox.put(
                _Delivery(connection, ch, method.delivery_tag, properties.type or method.routing_key, body,
                          int((properties.headers or {}).get("x-delivery-count", 0)))))
            backoff.reset()
            log.info("consuming", extra={"queue": self.settings.queue})
            while not self.stop.is_set():
                connection.process_data_events(time_limit=0.25)
            channel.stop_consuming()
            self._finish_received(connection)
        finally:
            if connection.is_open:
                connection.close()

    def _finish_received(self, connection) -> None:
        """Let the worker handle (and ack) what was already received, servicing the connection meanwhile."""
        done = threading.Event()
        self._inbox.put(_Flush(done))
        waited = 0.0
        while not done.is_set() and waited < _DRAIN_SECONDS:
            connection.process_data_events(time_limit=0.1)
            waited += 0.1
        connection.process_data_events(time_limit=0)  # send the last acks

    # --- the worker thread --------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            batch, marker = self._next_batch()
            if batch:
                self._handle_batch(batch)
            if isinstance(marker, _Flush):
                marker.done.set()
            elif marker is None:
                return

    def _next_batch(self) -> tuple[list[_Delivery], object]:
        """The next delivery plus whatever else has already arrived (never waiting for more)."""
        batch: list[_Delivery] = []
        item = self._inbox.get()
        while isinstance(item, _Delivery):
            batch.append(item)
            if len(batch) >= self.options.prefetch:
                return batch, _NOTHING
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                return batch, _NOTHING
        return batch, item

    def _handle_batch(self, batch: list[_Delivery]) -> None:
        if len(batch) == 1:
            self._handle(batch[0])
            return
        try:
            outcomes = apply_events(self.runtime.database, self.runtime.spec.handlers,
                                    [_decode(delivery.body) for delivery in batch], self.runtime.adapters)
        except Exception:  # nothing was kept; one at a time finds which one fails and why
            for delivery in batch:
                self._handle(delivery)
            return
        for delivery, applied in zip(batch, outcomes):
            self._count_success(delivery, applied)
        self._settle_all(batch, "ack")

    def _handle(self, delivery: _Delivery) -> None:
        service, attempt = self.settings.service, delivery.previous_deliveries + 1
        try:
            envelope = _decode(delivery.body)
            applied = apply_event(self.runtime.database, self.runtime.spec.handlers, envelope, self.runtime.adapters)
        except ContractError as exc:
            # Where the event breaks its contract and which rule, never the offending values.
            log.error("invalid event dead-lettered", extra={
                "event_type": delivery.event_type, "error": exc.message,
                "violations": [f"{violation.path or '<root>'}: {violation.keyword}" for violation in exc.errors]})
            stats.DEAD_LETTERED.labels(service, delivery.event_type, "invalid").inc()
            self._settle(delivery, "reject")
            return
        except Exception as exc:  # a handler's bug or a dependency down: roll back (done) and retry
            self._retry_later(delivery, attempt, exc)
            return
        self._count_success(delivery, applied)
        self._settle(delivery, "ack")

    def _count_success(self, delivery: _Delivery, applied: bool) -> None:
        (stats.CONSUMED if applied else stats.DUPLICATES).labels(self.settings.service, delivery.event_type).inc()

    def _retry_later(self, delivery: _Delivery, attempt: int, exc: Exception) -> None:
        service, event_type = self.settings.service, delivery.event_type
        # The error's type and where it was raised, not its message: a handler's error may quote the event's data.
        context = {"event_type": event_type, "attempt": attempt, "error": type(exc).__qualname__,
                   "traceback": logs.format_exception(exc, messages=False)}
        if delivery.previous_deliveries >= self.options.delivery_limit:
            log.error("handler failed for the last time; the queue dead-letters the event", extra=context)
            stats.DEAD_LETTERED.labels(service, event_type, "handler_failed").inc()
            self._settle(delivery, "nack")
            return
        log.warning("handler failed; the event will be retried", extra=context)
        stats.RETRIED.labels(service, event_type).inc()
        # A pause before handing it back, so a short outage is not burnt through in milliseconds.
        self.stop.wait(min(self.options.retry_delay_seconds * 2 ** delivery.previous_deliveries,
                           self.options.retry_delay_max_seconds))
        self._settle(delivery, "nack")

    def _settle(self, delivery: _Delivery, outcome: str) -> None:
        self._settle_all([delivery], outcome)

    def _settle_all(self, deliveries: list[_Delivery], outcome: str) -> None:
        """Acks (or rejects, or hands back) on the connection's own thread."""
        def settle(channel, tag: int) -> None:
            if not channel.is_open:
                return  # the broker hands the message out again; the inbox absorbs a repeat
            if outcome == "ack":
                channel.basic_ack(tag)
            elif outcome == "reject":
                channel.basic_reject(tag, requeue=False)  # → the dead-letter exchange
            else:
                channel.basic_nack(tag, requeue=True)

        by_connection: dict[int, list[_Delivery]] = {}
        for delivery in deliveries:  # after a reconnect a batch may hold messages of the old connection
            by_connection.setdefault(id(delivery.connection), []).append(delivery)
        for group in by_connection.values():
            try:
                group[0].connection.add_callback_threadsafe(
                    lambda group=group: [settle(d.channel, d.tag) for d in group])
            except BROKER_ERRORS:
                pass  # connection gone: same as a closed channel


def _decode(body: bytes) -> dict:
    try:
        envelope = json.loads(body)
    except ValueError as exc:  # not UTF-8 or not JSON
        raise ContractError(f"the message is not JSON: {exc}") from exc
    if not isinstance(envelope, dict):
        raise ContractError("the message is not a JSON object")
    return envelope


@dataclass(frozen=True)
class _Flush:
    done: threading.Event


_NOTHING = object()  # _next_batch ended on a full batch or an empty queue, not on a marker


def run_consumer(runtime) -> None:
    quiet_pika()
    if runtime.spec.handlers is None or not runtime.spec.handlers.types:
        raise SystemExit(f"{runtime.spec.name} handles no events; it needs no consumer")
    stats.serve_if_configured()
    Consumer(runtime, MessagingOptions.from_settings(runtime.settings), stop_on_signals()).run()
