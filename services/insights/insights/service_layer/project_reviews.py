"""Ratings into the read model (review.received, of the jobs service)."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import ReviewFact
from insights.adapters.rows import insert_once
from insights.domain.ordering import parse_moment
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects


@projects("review.received")
def _review_received(session: Session, event: Event) -> None:
    data = event.data
    customer_row(session, event.account_id, data["customer_id"])
    insert_once(session, ReviewFact, {
        "account_id": event.account_id, "id": uuid.UUID(data["review_id"]),
        "customer_id": uuid.UUID(data["customer_id"]),
        "job_id": uuid.UUID(data["job_id"]), "job_number": data["job_number"], "rating": data["rating"],
        "comment": data["comment"], "received_at": parse_moment(data["received_at"])})
