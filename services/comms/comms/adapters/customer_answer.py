"""The customers service's ``GET /customers/<id>`` answer read as the snapshot its events carry
(``fieldwork_contracts`` CustomerSnapshot), for a customer asked about before its ``customer.created`` got here.

The answer maps as the chassis customer directory reads it: properties carry their address fields flat, the
do-not-service flag is nested; the emails and phones are the primary ones first, then every contact's."""
from __future__ import annotations

import uuid

from fieldwork_contracts import UNSET
from fieldwork_contracts.defs import Address, CustomerProperty, CustomerSnapshot

_ADDRESS_FIELDS = ("line1", "line2", "city", "region", "postal_code", "country")


def _address(source: dict) -> Address:
    return Address(**{name: source.get(name) for name in _ADDRESS_FIELDS})


def _uuid(value) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def snapshot_of_answer(body: dict) -> CustomerSnapshot:
    phones = [(body.get("primary_phone") or {}).get("e164")]
    emails = [body.get("primary_email")]
    for contact in body.get("contacts") or []:
        emails += contact.get("emails") or []
        phones += [phone.get("e164") or phone.get("number") for phone in contact.get("phones") or []]
    flag = body.get("do_not_service") or {}
    properties = body.get("properties")
    return CustomerSnapshot(
        id=_uuid(body["id"]), number=body.get("number"), display_name=body.get("display_name"),
        company=body.get("company"), kind=body.get("kind"), status=body.get("status"),
        lead_source=body.get("lead_source"), do_not_service=bool(flag.get("flag")),
        do_not_service_reason=flag.get("reason"), archived=bool(body.get("archived")),
        merged_into=_uuid(body.get("merged_into")),
        emails=[e for e in emails if e], phones=[p for p in phones if p],
        primary_address=_address(body["primary_address"]) if body.get("primary_address") else None,
        properties=UNSET if properties is None else [  # absent: the answer says nothing of them
            CustomerProperty(id=_uuid(prop["id"]), kind=prop.get("kind") or UNSET,
                             address=_address(prop.get("address") or prop)) for prop in properties])
