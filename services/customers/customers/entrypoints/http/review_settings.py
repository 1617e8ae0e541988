"""The account's review setting: whether a completed job's customer is asked to rate it."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.request_context import actor, now
from customers.entrypoints.http.schemas.requests import ReviewSettings
from customers.service_layer.review_requests import sends_review_requests, set_review_requests

blp = Blueprint("review_settings", __name__, description="Review requests sent when a job is completed")


@blp.get("/settings/reviews", "settings:edit", response=ReviewSettings)
def review_settings():
    return {"send_review_requests": sends_review_requests(request_session())}


@blp.put("/settings/reviews", "settings:edit", body=ReviewSettings, response=ReviewSettings)
def change_review_settings(command):
    send = set_review_requests(request_session(), command, by=actor(), now=now())
    return {"send_review_requests": send}
