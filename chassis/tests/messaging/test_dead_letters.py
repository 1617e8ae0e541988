"""A failing handler is retried, then dead-lettered, then replayed after the fix; an invalid event goes there at once."""
from __future__ import annotations

import json
import uuid

import pika
from conftest import broker_channel, scalar, wait_for
from ledger_toy import EVENT_TYPE, change_status
from prometheus_client import REGISTRY
from sqlalchemy import text

from chassis.messaging.dead_letters import dead_letter_count, list_dead_letters, replay_dead_letters
from chassis.messaging.options import MessagingOptions

DELIVERY_LIMIT = 2


def metric(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_failing_handler_is_retried_then_dead_lettered_then_replayed_after_a_fix(toy, relay, consumer,
                                                                                      account_id):
    producer, ledger = toy(delivery_limit=DELIVERY_LIMIT, retry_delay_seconds=0.01)
    options = MessagingOptions.from_settings(ledger.settings)
    broken_customer = uuid.uuid4()
    with ledger.database.engine.begin() as connection:  # the "bug"
        connection.execute(text("INSERT INTO handler_faults (customer_id) VALUES (:c)"), {"c": broken_customer})
    retried_before = metric("fieldwork_events_retried_total", service="ledger", event_type=EVENT_TYPE)

    with relay(producer), consumer(ledger):
        event = change_status(producer.database, account_id, broken_customer, "active")
        wait_for(lambda: dead_letter_count(ledger.settings, options) == 1, what="the event to be dead-lettered")

        # The quorum queue hands it out once plus DELIVERY_LIMIT redeliveries, then dead-letters it.
        assert scalar(ledger, "SELECT count(*) FROM handler_attempts WHERE event_id = :e", e=event.id) \
            == DELIVERY_LIMIT + 1
        assert scalar(ledger, "SELECT count(*) FROM ledger_entries") == 0
        assert scalar(ledger, "SELECT count(*) FROM inbox") == 0
        assert metric("fieldwork_events_retried_total", service="ledger", event_type=EVENT_TYPE) \
            == retried_before + DELIVERY_LIMIT
        [letter] = list_dead_letters(ledger.settings, options)
        assert (letter.event_id, letter.event_type, letter.reason) == (str(event.id), EVENT_TYPE, "delivery_limit")
        assert dead_letter_count(ledger.settings, options) == 1  # listing left it there

        with ledger.database.engine.begin() as connection:  # the fix
            connection.execute(text("DELETE FROM handler_faults"))
        assert replay_dead_letters(ledger.settings, options) == 1
        wait_for(lambda: scalar(ledger, "SELECT count(*) FROM ledger_entries WHERE event_id = :e", e=event.id) == 1,
                 what="the replayed event to be applied")
    assert dead_letter_count(ledger.settings, options) == 0


def test_an_event_breaking_its_contract_is_dead_lettered_without_retries(toy, consumer, account_id):
    _producer, ledger = toy(delivery_limit=DELIVERY_LIMIT, retry_delay_seconds=0.01)
    options = MessagingOptions.from_settings(ledger.settings)
    envelope = {"id": str(uuid.uuid4()), "type": EVENT_TYPE, "version": 1, "occurred_at": "2026-11-23T10:00:00Z",
                "account_id": str(account_id), "producer": "customers", "data": {"customer_id": "not-a-uuid"}}
    retried_before = metric("fieldwork_events_retried_total", service="ledger", event_type=EVENT_TYPE)

    with consumer(ledger):
        with broker_channel(ledger.settings) as channel:
            channel.confirm_delivery()
            for body in (json.dumps(envelope).encode(), b"not json at all"):
                channel.basic_publish(ledger.settings.exchange, EVENT_TYPE, body,
                                      pika.BasicProperties(delivery_mode=2, message_id=envelope["id"],
                                                           type=EVENT_TYPE))
        wait_for(lambda: dead_letter_count(ledger.settings, options) == 2, what="both to be dead-lettered")

    assert [letter.reason for letter in list_dead_letters(ledger.settings, options)] == ["rejected", "rejected"]
    assert metric("fieldwork_events_retried_total", service="ledger", event_type=EVENT_TYPE) == retried_before
    assert scalar(ledger, "SELECT count(*) FROM inbox") == 0


def test_one_failing_event_among_many_waiting_is_singled_out(toy, consumer, account_id):
    """Messages that arrive together are applied together; a failure there must not cost the others."""
    _producer, ledger = toy(delivery_limit=1, retry_delay_seconds=0.01)
    options = MessagingOptions.from_settings(ledger.settings)
    broken = uuid.uuid4()
    with ledger.database.engine.begin() as connection:
        connection.execute(text("INSERT INTO handler_faults (customer_id) VALUES (:c)"), {"c": broken})
    customers = [uuid.uuid4() for _ in range(10)] + [broken] + [uuid.uuid4() for _ in range(9)]
    envelopes = [{"id": str(uuid.uuid4()), "type": EVENT_TYPE, "version": 1, "occurred_at": "2026-11-23T10:00:00Z",
                  "account_id": str(uuid.uuid4() if n % 2 else account_id), "producer": "customers",
                  "data": {"customer_id": str(customer), "from": "lead", "to": "active", "automatic": True,
                           "changed_by": None, "changed_at": "2026-11-23T10:00:00Z"}}
                 for n, customer in enumerate(customers)]
    with broker_channel(ledger.settings) as channel:  # queued before the consumer starts: they arrive together
        channel.confirm_delivery()
        for envelope in envelopes:
            channel.basic_publish(ledger.settings.exchange, EVENT_TYPE, json.dumps(envelope).encode(),
                                  pika.BasicProperties(delivery_mode=2, message_id=envelope["id"], type=EVENT_TYPE))

    with consumer(ledger):
        wait_for(lambda: dead_letter_count(ledger.settings, options) == 1, what="the failing one to be dead-lettered")
        wait_for(lambda: scalar(ledger, "SELECT count(*) FROM ledger_entries") == 19, what="the others")

    assert scalar(ledger, "SELECT count(*) FROM ledger_entries WHERE customer_id = :c", c=broken) == 0
    assert scalar(ledger, "SELECT count(DISTINCT event_id) FROM ledger_entries") == 19
    [letter] = list_dead_letters(ledger.settings, options)
    assert letter.event_id == envelopes[10]["id"]
