"""The visitor rates a completed job of theirs ("How did we do?"); the jobs service keeps the review."""
from __future__ import annotations

import uuid

from chassis.api import PUBLIC
from gateway import portal_sessions
from gateway.entrypoints.http.context import json_answer
from gateway.entrypoints.http.portal_access import answered, blp, own_record, post_json, service_headers, visitor
from gateway.entrypoints.http.portal_shapes import ReviewIn, ReviewOut
from gateway.entrypoints.http.shapes import PORTAL_SECURITY


# PUBLIC: authenticated by the portal session
@blp.post("/portal/jobs/<uuid:job_id>/review", PUBLIC, body=ReviewIn, response=ReviewOut,
          description="The customer's review of one of their completed jobs.", status=201)
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="Not one of the visitor's jobs.")
@blp.alt_response(409, response="CONFLICT", description="The job is not completed, or was already reviewed.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def review_my_job(body, job_id: uuid.UUID):
    who = visitor()
    headers = service_headers(who, portal_sessions.REVIEW_PERMISSIONS)
    own_record("jobs", f"/jobs/{job_id}", who, headers, "job")
    review = answered(post_json("jobs", f"/jobs/{job_id}/review", headers, body), passed_on=(409, 422)).json()
    return json_answer({name: review.get(name) for name in ReviewOut().fields}, 201)
