"""The story through real RabbitMQ: published to the exchange, twice and shuffled, read by the consumer process loop."""
import json
import random
import threading
import time
import uuid

import pika

from chassis.messaging.consumer import Consumer
from chassis.messaging.options import MessagingOptions
from chassis.messaging.topology import declare_consumer_queues
from chassis.service import build_runtime
from insights.adapters.queries import load_facts
from insights.bootstrap import SPEC


def _facts(runtime, account_id, customer_id, now):
    with runtime.database.transaction(account_id=account_id) as session:
        return load_facts(session, uuid.UUID(customer_id), now)


def test_the_consumer_builds_the_model_from_the_broker(app, deliver, story, dana, clock):
    names = {"exchange": f"{app.extensions['fieldwork'].settings.exchange}.insights-e2e",
             "queue_prefix": f"{app.extensions['fieldwork'].settings.queue_prefix}.insights-e2e"}
    settings = app.extensions["fieldwork"].settings.with_(**names)
    runtime = build_runtime(SPEC, settings, adapters=dict(app.extensions["fieldwork"].adapters))
    options = MessagingOptions.from_settings(settings)
    reference, account = uuid.uuid4(), uuid.uuid4()
    for envelope in story(reference):
        deliver(app, envelope)

    connection = pika.BlockingConnection(pika.URLParameters(settings.broker_url))
    try:
        channel = connection.channel()
        declare_consumer_queues(channel, settings, SPEC.handlers.types, options.delivery_limit)
        events = [e for e in story(account) if e["type"] in SPEC.handlers.types] * 2
        random.Random(5).shuffle(events)
        for envelope in events:
            channel.basic_publish(settings.exchange, envelope["type"], json.dumps(envelope).encode(),
                                  pika.BasicProperties(delivery_mode=2, message_id=envelope["id"],
                                                       content_type="application/json"))
    finally:
        connection.close()

    stop = threading.Event()
    thread = threading.Thread(target=Consumer(runtime, options, stop).run, daemon=True)
    thread.start()
    try:
        expected = _facts(runtime, reference, dana, clock.now)
        deadline = time.monotonic() + 20
        while _facts(runtime, account, dana, clock.now) != expected and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _facts(runtime, account, dana, clock.now) == expected
    finally:
        stop.set()
        thread.join(timeout=10)
        runtime.database.dispose()
