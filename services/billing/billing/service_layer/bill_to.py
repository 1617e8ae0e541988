"""Billing an invoice to another customer: only to one the customers service links as the service customer's
bill-to parent (the link is asked of it when the invoice is made, so a link made a moment ago counts)."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.customer_directory import require_customer
from chassis.errors import field_error
from chassis.references import CallersApi

FIELD = "bill_to_customer_id"


def is_bill_to_parent(relations: dict | None, bill_to_id: uuid.UUID) -> bool:
    """Whether the customers service's ``GET /customers/<id>/relations`` names ``bill_to_id`` as the one billed."""
    return any(item["role"] == "billed_to" and item["customer"]["id"] == str(bill_to_id)
               for item in (relations or {}).get("items", []))


def check_bill_to(session: Session, customer_id: uuid.UUID, bill_to_id: uuid.UUID | None, *,
                  customers: CallersApi, relations_api: CallersApi) -> None:
    """``relations_api`` is the customers service's relations of a customer, asked as the caller."""
    if bill_to_id is None:
        return
    require_customer(session, bill_to_id, customers, field=FIELD)
    relations = relations_api.fetch(customer_id)
    if not is_bill_to_parent(relations, bill_to_id):
        raise field_error(FIELD, "Not this customer's bill-to customer: link it under Related customers first.")
