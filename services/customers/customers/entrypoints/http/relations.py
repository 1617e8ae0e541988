"""Routes of related customers (bill-to parents, property managers, households) and of a customer's membership."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.domain import relations as rules
from customers.entrypoints.http.schemas.requests import RelationIn
from customers.entrypoints.http.schemas.responses import MembershipsOut, RelationOut, RelationsOut
from customers.domain.membership import ACTIVE, renewal_date
from customers.service_layer import relations
from customers.service_layer.loading import customer_for_change, get_customer

blp = Blueprint("relations", __name__, url_prefix="/customers", description="Related customers and memberships")


def relation_document(relation, other, customer_id) -> dict:
    seen_from_customer = relation.customer_id == customer_id
    return {"id": relation.id, "kind": relation.kind, "role": rules.role(relation.kind, seen_from_customer),
            "label": rules.label(relation.kind, seen_from_customer),
            "customer": {"id": other.id, "number": other.number, "display_name": other.display_name,
                         "archived": other.archived_at is not None},
            "created_by": relation.created_by, "created_at": relation.created_at}


def relations_document(session, customer_id) -> dict:
    linked = queries.relations_with_others(session, customer_id)
    return {"items": [relation_document(relation, other, customer_id) for relation, other in linked]}


def memberships_document(session, customer_id) -> dict:
    items = [{"plan_id": m.plan_id, "name": m.name, "status": m.status, "since": m.since,
              "next_visit_at": m.next_visit_at, "renewal_date": renewal_date(m.since, m.ends_on)}
             for m in queries.memberships_of(session, customer_id)]
    current = next((m for m in items if m["status"] == ACTIVE), None)
    return {"member": current is not None, "current": current, "items": items}


@blp.get("/<uuid:customer_id>/relations", "customers:view", response=RelationsOut)
def related_customers(customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return relations_document(session, customer_id)


@blp.post("/<uuid:customer_id>/relations", "customers:edit", body=RelationIn, response=RelationOut, status=201)
def link_customer(command, customer_id):
    session = request_session()
    customer = customer_for_change(session, customer_id)
    relation = relations.link(session, customer, command, by=actor(), now=now())
    other = get_customer(session, relation.related_id)
    return relation_document(relation, other, customer.id)


@blp.delete("/<uuid:customer_id>/relations/<uuid:relation_id>", "customers:edit")
def unlink_customer(customer_id, relation_id):
    session = request_session()
    relations.unlink(session, customer_for_change(session, customer_id), relation_id)


@blp.get("/<uuid:customer_id>/membership", "customers:view", response=MembershipsOut)
def membership(customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return memberships_document(session, customer_id)
