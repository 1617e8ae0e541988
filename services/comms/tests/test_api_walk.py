"""The comms API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_document import view_permissions
from chassis.testing.api_walk import Seeder, Walk, assert_clean, deliverer
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
    return Walk(app, lambda api: seed(api, secret), database_urls=[app.extensions["fieldwork"].settings.database_url],
                permission_of=view_permissions(app), deliver=deliverer(app))


def test_every_answer_is_deliberate_and_documented(walk):
    assert_clean("schemathesis", walk.fuzz_failures(walk.seeded(), max_examples=12))


def test_another_account_reaches_none_of_its_records(walk):
    assert_clean("tenancy", walk.tenancy_failures(walk.seeded(), walk.seeded()))


def test_each_operation_needs_exactly_its_permission(walk):
    assert_clean("permissions", walk.permission_failures(walk.seeded()))
