"""The insights API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_document import view_permissions
from chassis.testing.api_walk import Seeder, Walk, assert_clean, deliverer


def seed(api: Seeder) -> None:
    """What insights keeps for an account: a customer (with a job) in its read model, the OpenAI setting, the
    insight settings."""
    customer_id = api.ids["customer_id"] = api.customer_known()
    api.event("job.created", job={"id": str(uuid.uuid4()), "customer_id": customer_id, "property_id": None,
                                  "estimate_id": None})
    api.call("PUT", "/settings/integrations/openai", {"api_key": "sk-test-walk-0123456789abcdef",
                                                      "model": "gpt-4o-mini"})
    api.call("PATCH", "/settings/insights", {"overdue_days": 30})


@pytest.fixture(scope="module")
def walk(app):
    return Walk(app, seed, database_urls=[app.extensions["fieldwork"].settings.database_url],
                permission_of=view_permissions(app), deliver=deliverer(app))


def test_every_answer_is_deliberate_and_documented(walk):
    assert_clean("schemathesis", walk.fuzz_failures(walk.seeded(), max_examples=12))


def test_another_account_reaches_none_of_its_records(walk):
    assert_clean("tenancy", walk.tenancy_failures(walk.seeded(), walk.seeded()))


def test_each_operation_needs_exactly_its_permission(walk):
    assert_clean("permissions", walk.permission_failures(walk.seeded()))
