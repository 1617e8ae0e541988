"""Events between services: written to the outbox with the change, relayed to RabbitMQ, consumed idempotently."""
from chassis.messaging.event import Event
from chassis.messaging.handlers import Handlers
from chassis.messaging.outbox import emit

__all__ = ["Event", "Handlers", "emit"]
