"""The consumer process's loop on the real broker: an event published to the exchange ends as a queued email."""
import json
import threading
import time
import uuid

import pika

from chassis.messaging.consumer import Consumer
from chassis.messaging.options import MessagingOptions


def _wait_for(check, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_a_portal_invite_published_on_rabbitmq_is_queued_for_sending(client, auth, app, envelope, add_customer):
    runtime = app.extensions["fieldwork"]
    settings = runtime.settings
    stop = threading.Event()
    consumer = threading.Thread(target=Consumer(runtime, MessagingOptions.from_settings(settings), stop).run,
                                daemon=True)
    consumer.start()
    connection = pika.BlockingConnection(pika.URLParameters(settings.broker_url))
    try:
        channel = connection.channel()

        def queue_ready():
            # Consumed, not just declared: the consumer binds its event types between the two, and a message
            # published before its type is bound is routed nowhere.
            probe = connection.channel()
            try:
                return probe.queue_declare(settings.queue, passive=True).method.consumer_count > 0
            except pika.exceptions.ChannelClosedByBroker:
                return False

        assert _wait_for(queue_ready)
        customer_id = add_customer()
        address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
        event = envelope("portal.invite_requested", customer_id=str(customer_id), email=address,
                         invite_id=str(uuid.uuid4()))
        properties = pika.BasicProperties(content_type="application/json", delivery_mode=2, type=event["type"],
                                          message_id=event["id"])
        for _ in range(2):  # at-least-once: the broker may hand the same message over twice
            channel.basic_publish(settings.exchange, event["type"], json.dumps(event).encode(), properties)

        def feed():
            return client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]

        assert _wait_for(lambda: len(feed()) >= 1)
        time.sleep(0.5)  # room for a wrong second copy to show up
        assert [(c["to"], c["status"]) for c in feed()] == [(address, "queued")]
    finally:
        connection.close()
        stop.set()
        consumer.join(timeout=15)
