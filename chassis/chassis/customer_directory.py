"""A service's own copy of the customers it may refer to, kept from customer events.

Services that hold records about customers (jobs, billing, comms) check a customer id against
this copy instead of calling the customers service on every write; only an id never heard of
(an event still on its way) costs one call to the customers API, and the answer is kept. The customers'
properties come with the same snapshots and are kept beside them, so a ``property_id`` in a body is checked the
same way.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from fieldwork_contracts import UNSET, event_class
from fieldwork_contracts.defs import CustomerSnapshot
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis import erasure
from chassis.db.schema import known_customers as table
from chassis.db.schema import known_properties
from chassis.errors import NotFound, ValidationFailed, field_error
from chassis.messaging import Event, Handlers
from chassis.references import CallersApi, RecordsApi, no_such, not_this_customers

handlers = Handlers()
handlers.include(erasure.handlers)  # an erased customer's kept copy takes the pseudonym, its properties go


@dataclass(frozen=True)
class KnownCustomer:
    id: uuid.UUID
    number: str | None
    display_name: str
    archived: bool
    merged_into: uuid.UUID | None


@dataclass(frozen=True)
class KnownProperty:
    id: uuid.UUID
    customer_id: uuid.UUID
    address: dict
    kind: str | None = None

    @property
    def one_line(self) -> str:
        """The address as a record shows it: "4812 Ridgeview Dr, Austin, TX 78731"."""
        a = self.address
        street = ", ".join(part for part in (a.get("line1"), a.get("line2")) if part)
        place = " ".join(part for part in (a.get("region"), a.get("postal_code")) if part)
        return ", ".join(part for part in (street, a.get("city"), place) if part)


_ADDRESS_FIELDS = ("line1", "line2", "city", "region", "postal_code", "country")


@dataclass(frozen=True)
class _Kept:
    """What the directory keeps of a customer, from an event's snapshot or from the customers API's answer."""

    id: uuid.UUID
    number: str | None
    display_name: str
    archived: bool
    merged_into: uuid.UUID | None
    properties: list[tuple[uuid.UUID, dict, str | None]] | None  # (id, address, kind); None: the source said nothing

    @classmethod
    def of_snapshot(cls, snapshot: CustomerSnapshot) -> _Kept:
        properties = None if snapshot.properties is UNSET else [  # optional in v1
            (prop.id, prop.address.to_data(), prop.kind or None) for prop in snapshot.properties]
        return cls(snapshot.id, snapshot.number, snapshot.display_name, snapshot.archived, snapshot.merged_into,
                   properties)

    @classmethod
    def of_answer(cls, body: dict) -> _Kept:
        """``GET /customers/<id>`` of the customers API: its properties carry the address fields flat."""
        properties = body.get("properties")
        return cls(uuid.UUID(str(body["id"])), body.get("number"), body["display_name"], bool(body.get("archived")),
                   uuid.UUID(str(body["merged_into"])) if body.get("merged_into") else None,
                   None if properties is None else [
                       (uuid.UUID(str(prop["id"])), _address(prop), prop.get("kind")) for prop in properties])


def _address(prop: dict) -> dict:
    source = prop.get("address") or prop  # flat in the API's answer; tests' fakes may nest it as events do
    return {name: source.get(name) for name in _ADDRESS_FIELDS}


def _remember_properties(session: Session, account_id: uuid.UUID, customer_id: uuid.UUID,
                         properties: list[tuple[uuid.UUID, dict, str | None]], revision: int) -> None:
    held = session.scalar(select(table.c.revision).where(table.c.id == customer_id, table.c.account_id == account_id))
    if held is None or held > revision:
        return  # another account's id, or a later snapshot already said which properties the customer has
    ids = [property_id for property_id, _, _ in properties]
    session.execute(delete(known_properties).where(known_properties.c.customer_id == customer_id,
                                                   known_properties.c.account_id == account_id,
                                                   known_properties.c.id.not_in(ids)))
    if not ids:
        return
    stmt = insert(known_properties).values([
        {"id": property_id, "account_id": account_id, "customer_id": customer_id, "address": address, "kind": kind}
        for property_id, address, kind in properties])
    # A property moves between customers only by a merge or its undoing, within one account.
    session.execute(stmt.on_conflict_do_update(
        index_elements=[known_properties.c.id],
        set_={"customer_id": stmt.excluded.customer_id, "address": stmt.excluded.address,
              "kind": stmt.excluded.kind, "updated_at": func.now()},
        where=known_properties.c.account_id == stmt.excluded.account_id))


def _remember(session: Session, account_id: uuid.UUID, kept: _Kept, revision: int) -> None:
    values = {"id": kept.id, "account_id": account_id, "number": kept.number, "display_name": kept.display_name,
              "archived": kept.archived, "merged_into": kept.merged_into, "revision": revision}
    stmt = insert(table).values(**values)
    # A snapshot older than the one we hold (events can arrive out of order) changes nothing.
    session.execute(stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={k: stmt.excluded[k] for k in ("number", "display_name", "archived", "merged_into", "revision")},
        where=(table.c.revision < stmt.excluded.revision) & (table.c.account_id == stmt.excluded.account_id),
    ))
    if kept.properties is not None:  # a snapshot without them says nothing of them
        _remember_properties(session, account_id, kept.id, kept.properties, revision)


@handlers.on("customer.created")
@handlers.on("customer.updated")
def _on_snapshot(session: Session, event: Event) -> None:
    changed = event_class(event.type, event.version).from_data(event.data)
    _remember(session, event.account_id, _Kept.of_snapshot(changed.customer), changed.revision)


def lookup(session: Session, customer_id: uuid.UUID) -> KnownCustomer | None:
    row = session.execute(select(table).where(table.c.id == customer_id,
                                              table.c.account_id == session.info["account_id"])).first()
    if row is None:
        return None
    return KnownCustomer(row.id, row.number, row.display_name, row.archived, row.merged_into)


# Merges chain (C into B, B into A); a loop cannot exist, but a bound keeps a bad directory row harmless.
_MERGE_HOPS = 8


def surviving(session: Session, customer_id: uuid.UUID) -> uuid.UUID:
    """The customer ``customer_id`` is now: the one it was merged into (through any chain of merges), else itself.
    For records arriving about a customer by an event, as a merge files the rest of its work."""
    for _ in range(_MERGE_HOPS):
        known = lookup(session, customer_id)
        if known is None or known.merged_into is None:
            return customer_id
        customer_id = known.merged_into
    return customer_id


class CustomersApi(RecordsApi):
    """The customers service's HTTP API, asked only about customers this service has not heard of."""

    def __init__(self, base_url: str | None = None, timeout: float = 2.0):
        super().__init__("customers", "/customers/{id}", base_url, timeout)


def require_customer(session: Session, customer_id: uuid.UUID, api: CallersApi, *,
                     field: str = "customer_id", allow_archived: bool = False) -> KnownCustomer:
    """The caller's customer ``customer_id``, or a 422 on ``field`` when the account has no such customer."""
    known = lookup(session, customer_id)
    if known is None:
        body = api.fetch(customer_id)
        if body is None:
            raise field_error(field, "No such customer in this account.")
        _remember(session, session.info["account_id"], _Kept.of_answer(body), int(body.get("revision", 0)))
        known = lookup(session, customer_id)
    if known.merged_into is not None:
        raise field_error(field, f"This customer was merged into {known.merged_into}.")
    if known.archived and not allow_archived:
        raise field_error(field, "This customer is archived.")
    return known


def visible_customer(session: Session, customer_id: uuid.UUID, api: CallersApi) -> KnownCustomer:
    """The caller's customer for a read (archived and merged ones included), else 404: reads never reveal
    another account's records, and an id not heard of yet is asked of the customers service once and kept."""
    known = lookup(session, customer_id)
    if known is not None:
        return known
    try:
        return require_customer(session, customer_id, api, allow_archived=True)
    except ValidationFailed:
        known = lookup(session, customer_id)  # a merged customer was remembered by the check above
        if known is None:
            raise NotFound("No such customer.") from None
        return known


def _property(session: Session, property_id: uuid.UUID) -> KnownProperty | None:
    row = session.execute(select(known_properties).where(
        known_properties.c.id == property_id, known_properties.c.account_id == session.info["account_id"])).first()
    return KnownProperty(row.id, row.customer_id, row.address, row.kind) if row else None


def properties_of(session: Session, customer_id: uuid.UUID) -> list[KnownProperty]:
    """The customer's properties as the latest snapshot listed them (the caller's account only)."""
    rows = session.execute(select(known_properties).where(
        known_properties.c.customer_id == customer_id, known_properties.c.account_id == session.info["account_id"])
        .order_by(known_properties.c.updated_at, known_properties.c.id)).all()
    return [KnownProperty(row.id, row.customer_id, row.address, row.kind) for row in rows]


def require_property(session: Session, property_id: uuid.UUID, customer_id: uuid.UUID, api: CallersApi, *,
                     field: str = "property_id") -> KnownProperty:
    """The property ``property_id`` of the caller's customer ``customer_id``, or a 422 on ``field``.

    A property not kept as that customer's (just added, or just moved to it by a merge, its event still on the
    way) is looked for once in the customer as the customers API answers it, and what it says is kept."""
    known = _property(session, property_id)
    if known is None or known.customer_id != customer_id:
        body = api.fetch(customer_id)
        if body is not None and body.get("properties") is not None:
            _remember(session, session.info["account_id"], _Kept.of_answer(body), int(body.get("revision", 0)))
            known = _property(session, property_id)
    if known is None:
        raise no_such(field, "property")
    if known.customer_id != customer_id:
        raise not_this_customers(field, "property")
    return known
