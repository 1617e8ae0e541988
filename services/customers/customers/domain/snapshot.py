"""The customer snapshot other services keep a copy of (fieldwork_contracts.defs.CustomerSnapshot)."""
from __future__ import annotations

from fieldwork_contracts.defs import Address, CustomerProperty, CustomerSnapshot


def _unique(values) -> list:
    seen, out = set(), []
    for value in values:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


def _primary_first(items) -> list:
    return sorted(items, key=lambda item: not item.is_primary)


def address_of(prop) -> dict:
    return {"line1": prop.line1, "line2": prop.line2, "city": prop.city, "region": prop.region,
            "postal_code": prop.postal_code, "country": prop.country}


def customer_snapshot(customer) -> CustomerSnapshot:
    """The snapshot of a customer whose contacts and properties are loaded."""
    contacts = _primary_first(customer.contacts)
    primary = next((p for p in customer.properties if p.is_primary), None)
    return CustomerSnapshot(
        id=customer.id,
        number=customer.number,
        display_name=customer.display_name,
        company=customer.company,
        kind=customer.kind,
        status=customer.status,
        lead_source=customer.lead_source,
        do_not_service=customer.do_not_service,
        do_not_service_reason=customer.do_not_service_reason,
        archived=customer.archived_at is not None,
        merged_into=customer.merged_into,
        emails=_unique(e.address.lower() for c in contacts for e in c.emails),
        phones=_unique(p.e164 for c in contacts for p in c.phones),
        primary_address=Address(**address_of(primary)) if primary else None,
        # Other services check a property_id they are given against these (and show the address they keep).
        properties=[CustomerProperty(id=p.id, kind=p.kind, address=Address(**address_of(p)))
                    for p in _primary_first(customer.properties)],
    )
