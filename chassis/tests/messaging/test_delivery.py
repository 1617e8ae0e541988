"""A change becomes an event on the wire and a consumer's effect, once, and never without its commit."""
from __future__ import annotations

import json
import uuid

import pika
import pytest
from conftest import broker_channel, scalar, wait_for
from ledger_toy import EVENT_TYPE, change_status
from prometheus_client import REGISTRY

from chassis.messaging.event import Event


def metric(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.fixture
def wire(toy):
    """A queue of the test's own bound to the event type: what the relay put on the exchange, in order."""
    def listen(settings):
        listener = f"{settings.queue_prefix}.wire"
        with broker_channel(settings) as channel:
            channel.queue_declare(listener, durable=True)
            channel.queue_bind(listener, settings.exchange, routing_key=EVENT_TYPE)
        return listener
    return listen


def drain(settings, queue_name):
    found = []
    with broker_channel(settings) as channel:
        while True:
            method, properties, body = channel.basic_get(queue_name, auto_ack=True)
            if method is None:
                return found
            found.append((method, properties, json.loads(body)))


def test_a_change_travels_to_the_wire_and_into_the_consumer(toy, wire, relay, consumer, account_id):
    producer, ledger = toy()
    listener = wire(producer.settings)
    customer_id = uuid.uuid4()
    published_before = metric("fieldwork_events_published_total", service="customers", event_type=EVENT_TYPE)

    with relay(producer), consumer(ledger):
        event = change_status(producer.database, account_id, customer_id, "active")
        wait_for(lambda: scalar(ledger, "SELECT count(*) FROM ledger_entries WHERE event_id = :e", e=event.id) == 1,
                 what="the consumer's effect")

    [(method, properties, envelope)] = drain(producer.settings, listener)
    assert method.routing_key == EVENT_TYPE
    assert properties.delivery_mode == pika.DeliveryMode.Persistent.value
    assert properties.message_id == str(event.id)
    assert envelope == event.envelope()
    assert envelope["data"]["customer_id"] == str(customer_id)
    assert scalar(producer, "SELECT sent_at IS NOT NULL FROM outbox WHERE event_id = :e", e=event.id)
    assert scalar(ledger, "SELECT customer_id FROM ledger_entries WHERE event_id = :e", e=event.id) == customer_id
    assert scalar(ledger, "SELECT count(*) FROM inbox WHERE event_id = :e", e=event.id) == 1
    assert metric("fieldwork_events_published_total", service="customers", event_type=EVENT_TYPE) \
        == published_before + 1


def test_the_same_message_delivered_twice_is_applied_once(toy, consumer, account_id):
    producer, ledger = toy()
    envelope = Event.new(EVENT_TYPE, {"customer_id": str(uuid.uuid4()), "from": "lead", "to": "active",
                                      "automatic": True, "changed_by": None, "changed_at": "2026-11-23T10:00:00Z"},
                         account_id=account_id, producer="customers").envelope()
    duplicates_before = metric("fieldwork_events_duplicates_skipped_total", service="ledger", event_type=EVENT_TYPE)

    with consumer(ledger):
        with broker_channel(ledger.settings) as channel:
            channel.confirm_delivery()
            for _ in range(2):
                channel.basic_publish(ledger.settings.exchange, EVENT_TYPE, json.dumps(envelope).encode(),
                                      pika.BasicProperties(delivery_mode=2, message_id=envelope["id"],
                                                           type=EVENT_TYPE))
        wait_for(lambda: metric("fieldwork_events_duplicates_skipped_total", service="ledger",
                                event_type=EVENT_TYPE) == duplicates_before + 1, what="the duplicate to be skipped")

    assert scalar(ledger, "SELECT count(*) FROM ledger_entries WHERE event_id = :e", e=envelope["id"]) == 1


def test_a_rolled_back_change_publishes_nothing(toy, wire, relay, consumer, account_id):
    producer, ledger = toy()
    listener = wire(producer.settings)

    with relay(producer), consumer(ledger):
        with pytest.raises(RuntimeError):
            change_status(producer.database, account_id, uuid.uuid4(), "active", fail_after_emit=True)
        # Events leave in order, so once a later event has been applied the rolled-back one never will be.
        later = change_status(producer.database, account_id, uuid.uuid4(), "quoted")
        wait_for(lambda: scalar(ledger, "SELECT count(*) FROM ledger_entries") == 1, what="the later event")

    assert scalar(producer, "SELECT count(*) FROM outbox WHERE account_id = :a", a=account_id) == 1
    assert scalar(producer, "SELECT count(*) FROM toy_customers WHERE account_id = :a", a=account_id) == 1
    assert [envelope["id"] for _m, _p, envelope in drain(producer.settings, listener)] == [str(later.id)]
    assert scalar(ledger, "SELECT event_id FROM ledger_entries") == later.id
