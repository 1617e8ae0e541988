"""References in request bodies to records another service owns (an invoice's ``job_id``, a note's
``communication_id``): each must be a record of the caller's account and, where the referring record has a
customer, that customer's; anything else answers 422 on the field, in the same words in every service.

The owner's records arrive as its events and are kept here by id with the customer each names
(``known_records``), so a check costs one local lookup; an id not heard of yet (its event still on the way) is
asked of the owner's API once, with the caller's token, and kept.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.db.schema import known_customers, known_records
from chassis.errors import Unavailable, ValidationFailed, field_error
from chassis.messaging import Event, Handlers
from chassis.service_calls.client import ServiceUnavailable
from chassis.service_calls.services import headers_for, other_service

E = TypeVar("E")  # a typed event class of fieldwork_contracts

# Merges chain (C merged into B, B into A); a loop of merged_into cannot exist, but a bound keeps a bad row harmless.
_MERGE_HOPS = 8


def no_such(field: str, kind: str) -> ValidationFailed:
    return field_error(field, f"No such {kind} in this account.")


def not_this_customers(field: str, kind: str) -> ValidationFailed:
    return field_error(field, f"This {kind} is another customer's.")


def merged_into_from_directory(session: Session, customer_id: uuid.UUID) -> uuid.UUID | None:
    """Where the customer directory says ``customer_id`` was merged (services that keep a directory)."""
    return session.scalar(select(known_customers.c.merged_into).where(
        known_customers.c.id == customer_id, known_customers.c.account_id == session.info["account_id"]))


class RecordsApi:
    """The owner's HTTP API for one record (``GET <base>/jobs/<id>``), asked only about ids not heard of."""

    def __init__(self, service: str, path: str, base_url: str | None = None, timeout: float = 2.0):
        self.service, self.path, self.timeout = service, path, timeout
        self._client = other_service(service, base_url, timeout_seconds=timeout)

    def as_caller(self, token: str) -> "CallersApi":
        """The API asked with the caller's token: what an entry point hands the service layer."""
        return CallersApi(self, token)

    def fetch(self, record_id: uuid.UUID, token: str) -> dict | None:
        """The record as its owner answers it; None when the caller's account has no such record, or the caller
        may not see it (then it cannot be referred to either)."""
        try:
            response = self._client.get(self.path.format(id=record_id), headers=headers_for(token),
                                        timeout_seconds=self.timeout)
        except ServiceUnavailable as exc:
            raise Unavailable(f"The {self.service} service cannot be reached to check this reference.") from exc
        if response.status in (403, 404):
            return None
        if response.status != 200:
            raise Unavailable(f"The {self.service} service answered {response.status} when checking this reference.")
        return response.json()


@dataclass(frozen=True)
class CallersApi:
    """An owner's API bound to one caller's token, so code below the entry points asks as that caller without
    reading who is calling itself."""

    api: RecordsApi
    token: str

    def fetch(self, record_id: uuid.UUID) -> dict | None:
        return self.api.fetch(record_id, self.token)


@dataclass(frozen=True)
class KnownRecord:
    id: uuid.UUID
    customer_id: uuid.UUID | None


class KeptRecords:
    """One kind of another service's records, kept from its events.

    ``keep_from(JobCreated, lambda created: created.job)`` keeps the record a typed event carries (anything with
    ``id`` and ``customer_id``); include ``handlers`` in the service's handlers. ``merged_into`` says where a customer
    was merged, so a record still filed under a merged duplicate counts as its target's.
    """

    def __init__(self, kind: str, *, merged_into: Callable[[Session, uuid.UUID], uuid.UUID | None]
                 = merged_into_from_directory):
        self.kind = kind
        self.merged_into = merged_into
        self.handlers = Handlers()

    def keep_from(self, event_class: type[E], record_of: Callable[[E], Any]) -> None:
        def keep(session: Session, event: Event) -> None:
            record = record_of(event_class.from_data(event.data))
            self.remember(session, event.account_id, record.id, record.customer_id)
        self.handlers.on(event_class.TYPE)(keep)

    def remember(self, session: Session, account_id: uuid.UUID, record_id: uuid.UUID | str,
                 customer_id: uuid.UUID | str | None) -> None:
        stmt = insert(known_records).values(kind=self.kind, id=uuid.UUID(str(record_id)), account_id=account_id,
                                            customer_id=uuid.UUID(str(customer_id)) if customer_id else None)
        # An id is one account's for good: a row of another account is never taken over.
        session.execute(stmt.on_conflict_do_update(
            index_elements=[known_records.c.kind, known_records.c.id],
            set_={"customer_id": stmt.excluded.customer_id, "updated_at": func.now()},
            where=known_records.c.account_id == stmt.excluded.account_id))

    def lookup(self, session: Session, record_id: uuid.UUID) -> KnownRecord | None:
        row = session.execute(select(known_records.c.id, known_records.c.customer_id).where(
            known_records.c.kind == self.kind, known_records.c.id == record_id,
            known_records.c.account_id == session.info["account_id"])).first()
        return KnownRecord(row.id, row.customer_id) if row else None

    def is_customers(self, session: Session, owner: uuid.UUID | None, customer_id: uuid.UUID) -> bool:
        for _ in range(_MERGE_HOPS):
            if owner is None:
                return False
            if owner == customer_id:
                return True
            owner = self.merged_into(session, owner)
        return False


def require_reference(session: Session, records: KeptRecords, record_id: uuid.UUID, api: CallersApi, *,
                      customer_id: uuid.UUID | None, field: str) -> KnownRecord:
    """The caller's record ``record_id`` of this kind, that customer's when ``customer_id`` is given; else a 422 on
    ``field``. A record kept under another customer is asked of its owner too, in case it has just moved."""
    known = records.lookup(session, record_id)
    if known is None or (customer_id is not None and not records.is_customers(session, known.customer_id,
                                                                              customer_id)):
        body = api.fetch(record_id)
        if body is not None:
            records.remember(session, session.info["account_id"], body["id"], body.get("customer_id"))
            known = records.lookup(session, record_id)
    if known is None:
        raise no_such(field, records.kind)
    if customer_id is not None and not records.is_customers(session, known.customer_id, customer_id):
        raise not_this_customers(field, records.kind)
    return known
