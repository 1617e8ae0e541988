"""Envelopes a consumer test hands a service, built from the typed events of ``fieldwork_contracts``."""
from __future__ import annotations

import uuid

from fieldwork_contracts import EventData

from fieldwork_contracts.checking import example
from chassis.messaging.event import Event


def arriving(event: EventData, account_id: uuid.UUID | str) -> dict:
    """The envelope ``event`` reaches a consumer in: a new id, ``account_id``, sent now by the producer its
    contract names (``arriving(CustomerMerged(merge_id=…, duplicate_id=…, target_id=…), account_id)``)."""
    producer = example(event.TYPE)["producer"]
    return Event.new(event.TYPE, event.to_data(), account_id=uuid.UUID(str(account_id)), producer=producer,
                     version=event.VERSION).envelope()
