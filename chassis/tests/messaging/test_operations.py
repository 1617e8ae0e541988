"""Operators' side: /readyz, two relays of one service, and a relay that stops when told to."""
from __future__ import annotations

import json
import uuid
from contextlib import ExitStack

from conftest import broker_channel, scalar, wait_for
from ledger_toy import CONSUMER, EVENT_TYPE, PRODUCER, change_status

from chassis.app import create_app


def test_readyz_reports_the_broker_the_outbox_backlog_and_the_dead_letters(toy, account_id):
    producer, ledger = toy()
    for status in ("prospect", "quoted", "active"):  # no relay runs: they stay in the outbox
        change_status(producer.database, account_id, uuid.uuid4(), status)

    producer_checks = create_app(PRODUCER, producer.settings).test_client().get("/readyz").get_json()["checks"]
    ledger_response = create_app(CONSUMER, ledger.settings).test_client().get("/readyz")

    assert producer_checks["outbox"]["ok"] and producer_checks["outbox"]["backlog"] == 3
    assert producer_checks["outbox"]["oldest_unsent_age_seconds"] > 0
    assert producer_checks["broker"] == {"ok": True}
    assert ledger_response.status_code == 200
    assert ledger_response.get_json()["checks"]["broker"] == {"ok": True, "dead_lettered": 0}
    assert ledger_response.get_json()["checks"]["outbox"]["backlog"] == 0


def test_readyz_is_not_ready_when_the_broker_cannot_be_reached(toy):
    _producer, ledger = toy()
    settings = ledger.settings.with_(broker_url="amqp://guest:guest@127.0.0.1:1/%2F")
    response = create_app(CONSUMER, settings, migrate=False).test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["broker"]["ok"] is False


def test_two_relays_publish_every_event_once_in_order_and_the_standby_takes_over(toy, relay, account_id):
    producer, _ledger = toy()
    listener = f"{producer.settings.queue_prefix}.wire"
    with broker_channel(producer.settings) as channel:
        channel.queue_declare(listener, durable=True)
        channel.queue_bind(listener, producer.settings.exchange, routing_key=EVENT_TYPE)
    customer = uuid.uuid4()

    with ExitStack() as first, relay(producer):
        first.enter_context(relay(producer))
        written = [change_status(producer.database, account_id, customer, "active").id for _ in range(150)]
        wait_for(lambda: scalar(producer, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0, what="a drain")
        first.close()  # whichever relay was active, one is left
        written += [change_status(producer.database, account_id, customer, "active").id for _ in range(50)]
        wait_for(lambda: scalar(producer, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0,
                 timeout=15, what="the remaining relay to drain")

    on_wire = []
    with broker_channel(producer.settings) as channel:
        while (message := channel.basic_get(listener, auto_ack=True))[0] is not None:
            on_wire.append(uuid.UUID(json.loads(message[2])["id"]))
    assert on_wire == written
