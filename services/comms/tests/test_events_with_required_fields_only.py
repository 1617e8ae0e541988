"""Every event comms consumes is applied when it carries only what its contract requires, or nulls wherever its
contract allows them."""
from __future__ import annotations

import uuid

import pytest

from fieldwork_contracts.checking import example, readdressed
from chassis.testing.event_variants import variant, variant_cases
from comms.bootstrap import SPEC


@pytest.mark.parametrize(("event_type", "shape"), variant_cases(SPEC.handlers))
def test_a_valid_event_with_only_what_it_must_carry_is_applied(app, client, auth, deliver, account_id, event_type,
                                                               shape):
    created = readdressed(example("customer.created"), account_id)
    assert deliver(app, created)
    event = variant(event_type, account_id, shape)
    if "merge_id" in event["data"]:  # merges are keyed by their id alone; the example's is every test's
        event["data"]["merge_id"] = str(uuid.uuid4())
    assert deliver(app, event)
    feed = client.get(f"/customers/{created['data']['customer']['id']}/communications", headers=auth)
    assert feed.status_code in (200, 404), feed.get_json()
