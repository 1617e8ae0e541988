"""Where the work is: a property_id in a body must be the customer's property, and the record keeps its address."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.customer_directory import CustomersApi, require_property


def at_customers_property(session: Session, details: dict, customer_id: uuid.UUID, api: CustomersApi, *,
                          current: uuid.UUID | None = None) -> dict:
    """``details`` (a job's, an estimate's or a plan's) once its ``property_id`` is checked (422 on the field when
    it is not the customer's), with the property's address filled in where the body gave none, so the record shows
    where it is without asking the customers service. An edit naming the ``current`` property again changes
    nothing: the address the record keeps may have been typed on purpose."""
    if details.get("property_id") is None or details["property_id"] == current:
        return details
    prop = require_property(session, details["property_id"], customer_id, api)
    if details.get("property_address"):
        return details
    return {**details, "property_address": prop.one_line}
