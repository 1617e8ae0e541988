"""The account's review setting: whether a completed job's customer is asked to rate it."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import require
from chassis.db import request_session
from chassis.request_context import actor, now
from customers.entrypoints.http.schemas.requests import ReviewSettings
from customers.service_layer.review_requests import sends_review_requests, set_review_requests

blp = Blueprint("review_settings", __name__, description="Review requests sent when a job is completed")


@blp.route("/settings/reviews")
class ReviewSettingsResource(MethodView):
    @require("settings:edit")
    @blp.response(200, ReviewSettings)
    def get(self):
        return {"send_review_requests": sends_review_requests(request_session())}

    @require("settings:edit")
    @blp.arguments(ReviewSettings)
    @blp.response(200, ReviewSettings)
    def put(self, body):
        return {"send_review_requests": set_review_requests(request_session(), body["send_review_requests"],
                                                            by=actor(), now=now())}
