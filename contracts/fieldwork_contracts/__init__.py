"""What the Fieldwork services promise each other, in Python: typed event data checked against
``contracts/events``, the customer snapshot, the timeline item and the workspace part's shape.

``emit(session, CustomerMerged(merge_id=…, duplicate_id=…, target_id=…))`` publishes one; a consumer reads one
with ``CustomerMerged.from_data(event.data)``. ``contracts/tests`` prove each class agrees with its schema.
"""
from __future__ import annotations

from fieldwork_contracts import billing, comms, customers, jobs
from fieldwork_contracts.wire import UNSET, EventData, Shape


def _collect() -> dict[tuple[str, int], type[EventData]]:
    found: dict[tuple[str, int], type[EventData]] = {}
    for module in (customers, jobs, billing, comms):
        for cls in vars(module).values():
            if not (isinstance(cls, type) and issubclass(cls, EventData) and cls.__module__ == module.__name__):
                continue
            if hasattr(cls, "TYPE") and found.setdefault((cls.TYPE, cls.VERSION), cls) is not cls:
                raise TypeError(f"two classes for {cls.TYPE} v{cls.VERSION}")  # a base of shared fields has no TYPE
    return found


# Every (type, version) → its class; contracts/tests prove it holds exactly the versions that have a schema.
EVENT_CLASSES = _collect()


def event_class(event_type: str, version: int) -> type[EventData]:
    """The class of one version of an event type (KeyError for one without a class)."""
    return EVENT_CLASSES[(event_type, version)]


__all__ = ["EVENT_CLASSES", "UNSET", "EventData", "Shape", "event_class"]
