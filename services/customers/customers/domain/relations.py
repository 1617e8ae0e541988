"""Customers linked to each other: one stored link, read from both ends with the wording of that end.

A link says "customer is <kind> of related": ``bill_to`` (related pays the customer's bills), ``tenant`` (related
is the customer's property manager), ``household`` (the same household; it reads the same from both ends).
"""
from __future__ import annotations

from dataclasses import dataclass

BILL_TO = "bill_to"
TENANT = "tenant"
HOUSEHOLD = "household"
KINDS = (BILL_TO, TENANT, HOUSEHOLD)


@dataclass(frozen=True)
class Wording:
    from_customer: str   # what the customer's page says of the related one
    from_related: str    # what the related customer's page says of the customer


WORDING = {
    BILL_TO: Wording(from_customer="Billed to", from_related="Bill-to of"),
    TENANT: Wording(from_customer="Tenant of", from_related="Property manager of"),
    HOUSEHOLD: Wording(from_customer="Household member", from_related="Household member"),
}

# From one end: "bill_to" means the other customer pays this one's bills; "bill_to_of" that this one pays theirs.
ROLES = {(BILL_TO, True): "billed_to", (BILL_TO, False): "bill_to_of",
         (TENANT, True): "tenant_of", (TENANT, False): "property_manager_of",
         (HOUSEHOLD, True): "household_member", (HOUSEHOLD, False): "household_member"}


def label(kind: str, seen_from_customer: bool) -> str:
    wording = WORDING[kind]
    return wording.from_customer if seen_from_customer else wording.from_related


def role(kind: str, seen_from_customer: bool) -> str:
    return ROLES[(kind, seen_from_customer)]


def check_link(customer_id, related_id, kind: str, existing: list[tuple]) -> str | None:
    """Why the link cannot be made (None: it can). ``existing``: (customer_id, related_id, kind) of the links
    already held between the two."""
    if customer_id == related_id:
        return "A customer cannot be related to themselves."
    for a, b, k in existing:
        if k == kind and ({a, b} == {customer_id, related_id}) and (kind == HOUSEHOLD or a == customer_id):
            return "These customers are already linked this way."
        if k == kind and kind != HOUSEHOLD and a == related_id:
            return "The link already runs the other way."
    return None


def on_merge(links: list[tuple], duplicate_id, target_id) -> tuple[list, list]:
    """What a merge makes of the duplicate's links: (links to re-point as (id, new_customer, new_related), ids to
    drop). A link between the two merged customers would become a self-link: dropped; one the target already holds
    would be twice: dropped."""
    held = {(a, b, k) for _, a, b, k in links if duplicate_id not in (a, b)}
    moved, dropped = [], []
    for link_id, a, b, k in links:
        if duplicate_id not in (a, b):
            continue
        na = target_id if a == duplicate_id else a
        nb = target_id if b == duplicate_id else b
        same = (na, nb, k) in held or (k == HOUSEHOLD and (nb, na, k) in held)
        if na == nb or same:
            dropped.append(link_id)
        else:
            held.add((na, nb, k))
            moved.append((link_id, na, nb))
    return moved, dropped
