"""The envelope every event travels in, as the design brief fixes it."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, (uuid.UUID,)):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("event times must be timezone-aware (UTC)")
        return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_wire(data: Any) -> Any:
    """Plain JSON types only: UUIDs as strings, times as UTC ISO 8601."""
    return json.loads(json.dumps(data, default=_jsonable))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class Event:
    id: uuid.UUID
    type: str
    version: int
    occurred_at: dt.datetime
    account_id: uuid.UUID
    producer: str
    data: dict
    request_id: str | None = None

    @classmethod
    def new(cls, event_type: str, data: dict, *, account_id: uuid.UUID, producer: str, version: int = 1,
            request_id: str | None = None) -> "Event":
        return cls(id=uuid.uuid4(), type=event_type, version=version, occurred_at=utcnow(), account_id=account_id,
                   producer=producer, data=to_wire(data), request_id=request_id)

    @classmethod
    def from_envelope(cls, envelope: dict) -> "Event":
        return cls(
            id=uuid.UUID(envelope["id"]), type=envelope["type"], version=envelope["version"],
            occurred_at=dt.datetime.fromisoformat(envelope["occurred_at"].replace("Z", "+00:00")),
            account_id=uuid.UUID(envelope["account_id"]), producer=envelope["producer"], data=envelope["data"],
            request_id=envelope.get("request_id"),
        )

    def envelope(self) -> dict:
        body = {"id": str(self.id), "type": self.type, "version": self.version,
                "occurred_at": _jsonable(self.occurred_at), "account_id": str(self.account_id),
                "producer": self.producer, "data": self.data}
        if self.request_id:
            body["request_id"] = self.request_id
        return body
