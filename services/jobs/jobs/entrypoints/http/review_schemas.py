"""Wire shapes of reviews: a rating in, a review out, a customer's reviews and the jobs left to rate."""
from __future__ import annotations

from marshmallow import fields, validate

from chassis.pagination import page_schema
from chassis.schemas import Schema
from jobs.domain.reviews import RATINGS


class ReviewIn(Schema):
    rating = fields.Integer(required=True, validate=validate.Range(min=RATINGS.start, max=RATINGS.stop - 1),
                            metadata={"description": "1 (poor) to 5 (excellent), a whole number."})
    comment = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=2000))


class ReviewOut(Schema):
    id = fields.UUID(required=True)
    job_id = fields.UUID(required=True)
    customer_id = fields.UUID(required=True)
    rating = fields.Integer(required=True)
    comment = fields.String(required=True, allow_none=True)
    created_at = fields.DateTime(format="iso", required=True)
    job_number = fields.String(required=True)
    job_title = fields.String(required=True)


class ReviewSummary(Schema):
    count = fields.Integer(required=True)
    average = fields.Float(required=True, allow_none=True,
                           metadata={"description": "The mean rating to one decimal; null when there is none."})


class ReviewsPage(page_schema(ReviewOut, name="ReviewPageItems")):
    """A page of a customer's reviews, newest first; the workspace's reviews section is its first page."""

    summary = fields.Nested(ReviewSummary, required=True, metadata={"description": "All of the customer's reviews."})


class JobToReview(Schema):
    id = fields.UUID(required=True)
    number = fields.String(required=True)
    title = fields.String(required=True)
    completed_at = fields.DateTime(format="iso", required=True)


class JobsToReview(Schema):
    items = fields.List(fields.Nested(JobToReview), required=True)
