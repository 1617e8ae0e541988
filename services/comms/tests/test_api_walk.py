"""The comms API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_walk import Seeder, WalkTests, service_walk
from comms.domain import signature

PHONE = "+15125550142"


def seed(api: Seeder, webhook_secret: str) -> None:
    """One record of every kind comms keeps: a logged call, an email sent, an SMS thread, an unmatched text."""
    customer_id = api.ids["customer_id"] = api.customer_known(phones=[PHONE], emails=["dana@example.com"])
    api.post("/communications", {"customer_id": customer_id, "channel": "call", "direction": "inbound",
                                 "body": "Asked about a quote"})
    api.post("/messages", {"customer_id": customer_id, "channel": "email", "subject": "Your visit",
                           "body": "See you Tuesday"})
    _inbound_sms(api, webhook_secret, PHONE, "Is Tuesday still on?")
    threads = api.call("GET", "/customers/{customer_id}/threads")["items"]
    api.ids["thread_id"] = threads[0]["id"]
    api.ids["communication_id"] = _inbound_sms(api, webhook_secret, "+17375550100", "Who is this?")
    # Assigning would empty the inbox the walks need: the body is the sample, the seed leaves the text unmatched.
    api.seeded.bodies[("POST", "/unmatched/{communication_id}/assign")] = {"customer_id": customer_id}


def _inbound_sms(api: Seeder, secret: str, sender: str, body: str) -> str:
    path = f"/webhooks/sms/{api.account_id}"
    form = {"MessageSid": f"SM{uuid.uuid4().hex}", "AccountSid": "AC123", "From": sender, "To": "+15125550100",
            "Body": body}
    headers = {signature.HEADER: signature.sign(secret, f"http://localhost{path}", form.items())}
    response = api.client.post(path, data=form, headers=headers)
    assert response.status_code in (200, 201, 204), response.get_data(as_text=True)
    return response.headers["X-Communication-Id"]


@pytest.fixture(scope="module")
def walk(app):
    secret = app.extensions["fieldwork"].settings.extra["webhook_secret"]
    return service_walk(app, lambda api: seed(api, secret))


class TestApiWalk(WalkTests):
    """Schemathesis, tenancy and permission walks of this service's document, seeded above."""
