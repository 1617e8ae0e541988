"""Operators' view of a service's dead-letter queue: list what is there, and replay it after a fix."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import pika

from chassis.messaging import stats
from chassis.messaging.broker import connect
from chassis.messaging.options import MessagingOptions
from chassis.settings import Settings

# Set by the quorum queue on each delivery; a replayed message starts counting afresh.
_BROKER_SET_HEADERS = {"x-delivery-count"}


@dataclass(frozen=True)
class DeadLetter:
    event_id: str | None
    event_type: str | None
    reason: str | None          # from x-death: "delivery_limit" (kept failing) or "rejected" (invalid)
    times_dead_lettered: int
    first_dead_lettered_at: str | None
    replays: int


def _describe(properties: pika.BasicProperties) -> DeadLetter:
    headers = properties.headers or {}
    deaths = headers.get("x-death") or [{}]
    first = deaths[0]
    when = first.get("time")
    return DeadLetter(
        event_id=properties.message_id, event_type=properties.type,
        reason=_text(first.get("reason")), times_dead_lettered=sum(int(d.get("count", 0)) for d in deaths),
        first_dead_lettered_at=when.isoformat() if hasattr(when, "isoformat") else None,
        replays=int(headers.get("x-fieldwork-replays", 0)),
    )


def _text(value) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


def dead_letter_count(settings: Settings, options: MessagingOptions) -> int:
    connection = connect(settings, options, "readiness")
    try:
        channel = connection.channel()
        try:
            return channel.queue_declare(settings.dead_letter_queue, passive=True).method.message_count
        except pika.exceptions.ChannelClosedByBroker as exc:
            if exc.reply_code == 404:  # the consumer has not declared its queues yet: nothing dead
                return 0
            raise
    finally:
        connection.close()


def list_dead_letters(settings: Settings, options: MessagingOptions, limit: int = 100) -> list[DeadLetter]:
    """Reads without removing: every message taken is handed back when the channel closes."""
    connection = connect(settings, options, "dead-letters")
    try:
        channel = connection.channel()
        found = []
        while len(found) < limit:
            method, properties, _body = channel.basic_get(settings.dead_letter_queue, auto_ack=False)
            if method is None:
                break
            found.append(_describe(properties))
        return found
    finally:
        connection.close()


def replay_dead_letters(settings: Settings, options: MessagingOptions, event_ids: set[str] | None = None) -> int:
    """Moves dead letters (all, or those with ``event_ids``) back onto the service's queue; returns how many.

    Each is published with a confirm before it is removed, so a crash in between leaves a copy in
    both queues at worst, which the inbox absorbs.
    """
    connection = connect(settings, options, "dead-letters")
    replayed = 0
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        while True:
            method, properties, body = channel.basic_get(settings.dead_letter_queue, auto_ack=False)
            if method is None:
                break
            if event_ids is not None and properties.message_id not in event_ids:
                continue  # stays unacked, so it is not fetched again; handed back when the channel closes
            headers = {k: v for k, v in (properties.headers or {}).items() if k not in _BROKER_SET_HEADERS}
            headers["x-fieldwork-replays"] = int(headers.get("x-fieldwork-replays", 0)) + 1
            properties.headers = headers
            channel.basic_publish("", settings.queue, body, properties, mandatory=True)
            channel.basic_ack(method.delivery_tag)
            replayed += 1
    finally:
        connection.close()
    stats.REPLAYED.labels(settings.service).inc(replayed)
    return replayed


def command(runtime, argv: list[str]) -> None:
    """``dead-letters list [LIMIT]`` prints one JSON object a line; ``dead-letters replay all|EVENT_ID…``."""
    settings, options = runtime.settings, MessagingOptions.from_settings(runtime.settings)
    action, args = (argv[0], argv[1:]) if argv else ("list", [])
    if action == "list":
        for letter in list_dead_letters(settings, options, limit=int(args[0]) if args else 100):
            print(json.dumps(asdict(letter)))
    elif action == "replay" and args:
        count = replay_dead_letters(settings, options, None if args == ["all"] else set(args))
        print(json.dumps({"replayed": count}))
    else:
        raise SystemExit("usage: dead-letters list [LIMIT] | dead-letters replay all|EVENT_ID...")
