"""The consumer process: applies each message once, acks after commit, retries, then dead-letters.

The broker connection lives in the main thread, whose I/O loop keeps heartbeats going; handlers
run one at a time in a worker thread, which hands acks back through ``add_callback_threadsafe``
(pika connections are not thread-safe). A failing message goes back to the queue after a growing
pause; the quorum queue counts its deliveries and, past ``x-delivery-limit``, dead-letters it.
A message that breaks its contract can never succeed, so it is dead-lettered at once.
"""
from __future__ import annotations

import json
import logging
import queue
import threading
from dataclasses import dataclass

from chassis.contracts import ContractError
from chassis.messaging import stats
from chassis.messaging.apply import apply_event
from chassis.messaging.broker import BROKER_ERRORS, Backoff, connect
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
                    log.warning("consumer lost the broker; reconnecting", extra={"error": repr(exc)})
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
            item = self._inbox.get()
            if item is None:
                return
            if isinstance(item, _Flush):
                item.done.set()
                continue
            self._handle(item)

    def _handle(self, delivery: _Delivery) -> None:
        service, attempt = self.settings.service, delivery.previous_deliveries + 1
        try:
            envelope = _decode(delivery.body)
            applied = apply_event(self.runtime.database, self.runtime.spec.handlers, envelope)
        except ContractError as exc:
            log.error("invalid event dead-lettered", extra={"event_type": delivery.event_type, "error": str(exc)})
            stats.DEAD_LETTERED.labels(service, delivery.event_type, "invalid").inc()
            self._settle(delivery, "reject")
            return
        except Exception as exc:  # a handler's bug or a dependency down: roll back (done) and retry
            self._retry_later(delivery, attempt, exc)
            return
        (stats.CONSUMED if applied else stats.DUPLICATES).labels(service, delivery.event_type).inc()
        self._settle(delivery, "ack")

    def _retry_later(self, delivery: _Delivery, attempt: int, exc: Exception) -> None:
        service, event_type = self.settings.service, delivery.event_type
        context = {"event_type": event_type, "attempt": attempt, "error": repr(exc)}
        if delivery.previous_deliveries >= self.options.delivery_limit:
            log.error("handler failed for the last time; the queue dead-letters the event", exc_info=exc,
                      extra=context)
            stats.DEAD_LETTERED.labels(service, event_type, "handler_failed").inc()
            self._settle(delivery, "nack")
            return
        log.warning("handler failed; the event will be retried", exc_info=exc, extra=context)
        stats.RETRIED.labels(service, event_type).inc()
        # A pause before handing it back, so a short outage is not burnt through in milliseconds.
        self.stop.wait(min(self.options.retry_delay_seconds * 2 ** delivery.previous_deliveries,
                           self.options.retry_delay_max_seconds))
        self._settle(delivery, "nack")

    def _settle(self, delivery: _Delivery, outcome: str) -> None:
        def on_connection_thread():
            if not delivery.channel.is_open:
                return  # the broker hands the message out again; the inbox absorbs a repeat
            if outcome == "ack":
                delivery.channel.basic_ack(delivery.tag)
            elif outcome == "reject":
                delivery.channel.basic_reject(delivery.tag, requeue=False)  # → the dead-letter exchange
            else:
                delivery.channel.basic_nack(delivery.tag, requeue=True)
        try:
            delivery.connection.add_callback_threadsafe(on_connection_thread)
        except BROKER_ERRORS:
            pass  # connection gone: same as above


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


def run_consumer(runtime) -> None:
    if runtime.spec.handlers is None or not runtime.spec.handlers.types:
        raise SystemExit(f"{runtime.spec.name} handles no events; it needs no consumer")
    stats.serve_if_configured()
    Consumer(runtime, MessagingOptions.from_settings(runtime.settings), stop_on_signals()).run()
