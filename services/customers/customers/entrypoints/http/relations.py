"""Routes of related customers (bill-to parents, property managers, households) and of a customer's membership."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import actor, now
from customers.entrypoints.http.schemas.requests import RelationIn
from customers.entrypoints.http.schemas.responses import MembershipsOut, RelationOut, RelationsOut
from customers.service_layer import presenters, relations
from customers.service_layer.loading import customer_for_change, get_customer
from customers.service_layer.membership import memberships

blp = Blueprint("relations", __name__, url_prefix="/customers", description="Related customers and memberships")


@blp.get("/<uuid:customer_id>/relations", "customers:view", response=RelationsOut)
def related_customers(customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return relations.related_customers(session, customer_id)


@blp.post("/<uuid:customer_id>/relations", "customers:edit", body=RelationIn, response=RelationOut, status=201)
def link_customer(command, customer_id):
    session = request_session()
    customer = customer_for_change(session, customer_id)
    relation = relations.link(session, customer, command, by=actor(), now=now())
    return presenters.relation(relation, get_customer(session, relation.related_id), customer.id)


@blp.delete("/<uuid:customer_id>/relations/<uuid:relation_id>", "customers:edit")
def unlink_customer(customer_id, relation_id):
    session = request_session()
    relations.unlink(session, customer_for_change(session, customer_id), relation_id)


@blp.get("/<uuid:customer_id>/membership", "customers:view", response=MembershipsOut)
def membership(customer_id):
    session = request_session()
    get_customer(session, customer_id)
    return memberships(session, customer_id)
