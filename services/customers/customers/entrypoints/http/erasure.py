"""Routes of erasure: erase a customer's personal data (a privacy request) and the account's audit trail of it."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, now
from customers.adapters import queries
from customers.entrypoints.http.schemas.requests import EraseIn
from customers.entrypoints.http.schemas.responses import ErasureOut
from customers.service_layer import erasure
from customers.service_layer.loading import customer_for_change

blp = Blueprint("erasure", __name__, description="Erasing a customer's personal data")


@blp.post("/customers/<uuid:customer_id>/erase", "customers:delete", body=EraseIn, response=ErasureOut)
@conflicts
def erase_customer(command, customer_id):
    """Erase the customer's personal data in every service; invoices and payments stay, under a pseudonym.

    Asked again for an erased customer, answers the first erasure. 409 for a customer merged into another
    (erase that one: this one goes with it)."""
    session = request_session()
    return erasure.erase(session, customer_for_change(session, customer_id), command, by=actor(),
                         now=now())


@blp.get("/erasures", "customers:view", query=PageArgs, response=page_schema(ErasureOut))
def erasures(query):
    """Who erased which customer and when, newest first."""
    return queries.erasures_page(request_session(), limit=query["limit"], cursor=query["cursor"]).as_dict()
