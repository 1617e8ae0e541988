"""Ratings into the read model (review.received, of the jobs service)."""
from __future__ import annotations

from fieldwork_contracts.jobs import ReviewReceived
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import ReviewFact
from insights.adapters.rows import insert_once
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects


@projects("review.received")
def _review_received(session: Session, event: Event, review: ReviewReceived) -> None:
    customer_row(session, event.account_id, review.customer_id)
    insert_once(session, ReviewFact, {
        "account_id": event.account_id, "id": review.review_id, "customer_id": review.customer_id,
        "job_id": review.job_id, "job_number": review.job_number, "rating": review.rating,
        "comment": review.comment, "received_at": review.received_at})
