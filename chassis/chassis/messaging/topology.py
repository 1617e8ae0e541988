"""The exchanges and queues, declared idempotently by whoever needs them first."""
from __future__ import annotations

from pika.adapters.blocking_connection import BlockingChannel

from chassis.settings import Settings


def dead_letter_exchange(settings: Settings) -> str:
    """One direct exchange per event exchange; each service's dead-letter queue is bound by its own name."""
    return f"{settings.exchange}.dead"


def declare_exchange(channel: BlockingChannel, settings: Settings) -> None:
    channel.exchange_declare(settings.exchange, exchange_type="topic", durable=True)


def declare_consumer_queues(channel: BlockingChannel, settings: Settings, event_types: set[str],
                            delivery_limit: int) -> None:
    """The service's quorum queue bound to the types it handles, and where it sends what keeps failing.

    RabbitMQ 3.10 sets no delivery limit on quorum queues by itself, so it is set here, with the
    dead-letter exchange, explicitly. Declaring again with the same arguments changes nothing.
    """
    declare_exchange(channel, settings)
    dead_letters = dead_letter_exchange(settings)
    channel.exchange_declare(dead_letters, exchange_type="direct", durable=True)
    channel.queue_declare(settings.dead_letter_queue, durable=True, arguments={"x-queue-type": "quorum"})
    channel.queue_bind(settings.dead_letter_queue, dead_letters, routing_key=settings.dead_letter_queue)
    channel.queue_declare(settings.queue, durable=True, arguments={
        "x-queue-type": "quorum",
        "x-delivery-limit": delivery_limit,
        "x-dead-letter-exchange": dead_letters,
        "x-dead-letter-routing-key": settings.dead_letter_queue,
    })
    for event_type in sorted(event_types):
        channel.queue_bind(settings.queue, settings.exchange, routing_key=event_type)
