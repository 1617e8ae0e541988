"""Publishing a batch with pipelined publisher confirms: every message goes out, then all confirms come back.

pika's BlockingChannel waits for each confirm before the next publish (about 1,100 messages/s
here). This publisher runs a ``SelectConnection`` in its own I/O thread instead: a batch is
written in one go and ``publish_batch`` returns when the broker has confirmed all of it. The I/O
thread also answers heartbeats while the relay waits on the database. The connection belongs to
that thread; other threads only hand it work through ``add_callback_threadsafe``.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

import pika
from pika.adapters.select_connection import SelectConnection

log = logging.getLogger(__name__)


class PublishFailed(Exception):
    """The broker refused, lost or did not confirm in time part of a batch; none of it counts as sent."""


@dataclass(frozen=True)
class Message:
    routing_key: str
    body: bytes
    properties: pika.BasicProperties


@dataclass
class _Batch:
    pending: set[int] = field(default_factory=set)
    unroutable: set[str] = field(default_factory=set)
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def fail(self, reason: str) -> None:
        self.error = self.error or reason
        self.done.set()


class ConfirmingPublisher:
    def __init__(self, parameters: pika.ConnectionParameters, exchange: str):
        self._parameters, self._exchange = parameters, exchange
        self._connection: SelectConnection | None = None
        self._channel = None
        self._ready = threading.Event()
        self._closed = threading.Event()
        self._close_reason = ""
        self._next_tag = 0
        self._batch: _Batch | None = None  # the relay waits for each batch, so at most one is in flight
        self._thread: threading.Thread | None = None

    # --- used by the relay's thread -------------------------------------------------------
    def start(self, timeout: float = 10.0) -> "ConfirmingPublisher":
        self._connection = SelectConnection(self._parameters, on_open_callback=self._on_open,
                                            on_open_error_callback=self._on_open_error,
                                            on_close_callback=self._on_closed)
        self._thread = threading.Thread(target=self._connection.ioloop.start, name="publisher-io", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout) or self._closed.is_set():
            self.close()
            raise PublishFailed(f"could not open a confirming channel: {self._close_reason or 'timed out'}")
        return self

    @property
    def is_open(self) -> bool:
        return self._ready.is_set() and not self._closed.is_set()

    def publish_batch(self, messages: list[Message], timeout: float) -> set[str]:
        """Publishes ``messages`` in order; returns the message ids the broker could route nowhere."""
        if not messages:
            return set()
        if not self.is_open:
            raise PublishFailed(f"broker connection closed: {self._close_reason}")
        batch = _Batch()
        self._connection.ioloop.add_callback_threadsafe(lambda: self._send(batch, messages))
        if not batch.done.wait(timeout):
            batch.fail("confirms timed out")
        if batch.error:
            raise PublishFailed(batch.error)
        return batch.unroutable

    def close(self) -> None:
        connection = self._connection
        if connection is None:
            return
        if not self._closed.is_set():
            try:
                connection.ioloop.add_callback_threadsafe(self._close_from_io_thread)
            except Exception:  # the loop is already gone
                pass
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    # --- the I/O thread ---------------------------------------------------------------------
    def _on_open(self, connection) -> None:
        connection.channel(on_open_callback=self._on_channel_open)

    def _on_channel_open(self, channel) -> None:
        self._channel = channel
        channel.add_on_close_callback(self._on_channel_closed)
        channel.add_on_return_callback(self._on_return)
        # The same declaration as topology.declare_exchange: idempotent, so whoever comes first makes it.
        channel.exchange_declare(self._exchange, exchange_type="topic", durable=True,
                                 callback=lambda _frame: self._confirm_mode(channel))

    def _confirm_mode(self, channel) -> None:
        channel.confirm_delivery(self._on_confirm, callback=lambda _frame: self._ready.set())

    def _on_open_error(self, _connection, error) -> None:
        self._close_reason = repr(error)
        self._closed.set()
        self._ready.set()
        self._connection.ioloop.stop()

    def _on_channel_closed(self, _channel, reason) -> None:
        self._fail_all(f"channel closed: {reason!r}")
        if self._connection.is_open:
            self._connection.close()

    def _on_closed(self, _connection, reason) -> None:
        self._fail_all(f"connection closed: {reason!r}")
        self._connection.ioloop.stop()

    def _close_from_io_thread(self) -> None:
        if self._connection.is_open:
            self._connection.close()
        else:
            self._connection.ioloop.stop()

    def _fail_all(self, reason: str) -> None:
        self._close_reason = self._close_reason or reason
        self._closed.set()
        self._ready.set()
        if self._batch is not None:
            self._batch.fail(reason)

    def _send(self, batch: _Batch, messages: list[Message]) -> None:
        if self._closed.is_set():
            batch.fail(f"broker connection closed: {self._close_reason}")
            return
        self._batch = batch
        try:
            for message in messages:
                self._next_tag += 1
                batch.pending.add(self._next_tag)
                # mandatory: a message no queue is bound for comes back (basic.return, before its ack).
                self._channel.basic_publish(self._exchange, message.routing_key, message.body,
                                            message.properties, mandatory=True)
        except Exception as exc:  # a closing channel refuses publishes
            batch.fail(f"publish refused: {exc!r}")

    def _on_return(self, _channel, _method, properties, _body) -> None:
        if self._batch is not None:
            self._batch.unroutable.add(properties.message_id)

    def _on_confirm(self, frame) -> None:
        batch, method = self._batch, frame.method
        if batch is None:
            return
        if isinstance(method, pika.spec.Basic.Nack):
            batch.fail("the broker nacked a message")
        if method.multiple:
            batch.pending = {tag for tag in batch.pending if tag > method.delivery_tag}
        else:
            batch.pending.discard(method.delivery_tag)
        if not batch.pending:
            batch.done.set()
