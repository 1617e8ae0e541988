"""Every event insights consumes is applied when it carries only what its contract requires, or nulls wherever its
contract allows them, and the customer's insights still answer."""
from __future__ import annotations

import pytest

from fieldwork_contracts.checking import example, readdressed
from chassis.testing.event_variants import variant, variant_cases
from insights.bootstrap import SPEC


@pytest.mark.parametrize(("event_type", "shape"), variant_cases(SPEC.handlers))
def test_a_valid_event_with_only_what_it_must_carry_is_applied(app, client, auth, deliver, account_id, event_type,
                                                               shape):
    created = readdressed(example("customer.created"), account_id)
    assert deliver(app, created)
    assert deliver(app, variant(event_type, account_id, shape))
    response = client.get(f"/customers/{created['data']['customer']['id']}/insights?ai=cached", headers=auth)
    assert response.status_code in (200, 404), response.get_json()
