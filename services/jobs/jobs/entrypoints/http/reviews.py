"""HTTP routes of reviews: rate a completed job, a customer's reviews with their average, the jobs left to rate."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.customer_directory import visible_customer
from chassis.db import request_session
from chassis.pagination import PageArgs
from chassis.request_context import actor, callers_api, now, principal
from jobs.adapters import queries
from jobs.entrypoints.http.schemas.requests import ReviewIn
from jobs.entrypoints.http.schemas.responses import JobsToReview, ReviewOut, ReviewsPage
from jobs.service_layer import reviews

blp = Blueprint("reviews", __name__, description="Customers' reviews of completed jobs")


@blp.post("/jobs/<uuid:job_id>/review", "reviews:create", body=ReviewIn, response=ReviewOut, status=201)
@conflicts
def rate_job(review, job_id):
    """Rate a completed job (once): 409 when the job is not completed or was rated already."""
    session = request_session()
    job = reviews.job_the_caller_may_rate(session, job_id, subject=principal().sub)
    return reviews.receive_review(session, job, review, by=actor(), now=now())


@blp.get("/customers/<uuid:customer_id>/reviews", "jobs:view", query=PageArgs, response=ReviewsPage)
def customer_reviews(args, customer_id):
    """The customer's reviews, newest first, with the count and average of them all."""
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    page = queries.reviews_page(session, customer_id, limit=args["limit"], cursor=args["cursor"])
    return {**page.as_dict(), "summary": queries.review_summary(session, customer_id)}


@blp.get("/customers/<uuid:customer_id>/jobs-to-review", "jobs:view", response=JobsToReview)
def customer_jobs_to_review(customer_id):
    """The customer's completed jobs not rated yet, the latest completed first (at most twenty)."""
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return {"items": queries.jobs_to_review(session, customer_id)}
