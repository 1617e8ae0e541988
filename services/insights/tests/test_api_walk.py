"""The insights API walked from its own document: generated inputs, another account's ids, each permission."""
from __future__ import annotations

import uuid

import pytest

from chassis.testing.api_walk import Seeder, WalkTests, service_walk


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
    return service_walk(app, seed)


class TestApiWalk(WalkTests):
    """Schemathesis, tenancy and permission walks of this service's document, seeded above."""
