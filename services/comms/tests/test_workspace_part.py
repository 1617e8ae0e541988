"""GET /customers/<id>/workspace-part: comms' share of the workspace in one call, as its own routes answer it."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.testing.statements import sent_statements
from chassis.testing.workspace_part import PART, PartRefusals


@pytest.fixture
def busy_customer(client, auth, add_customer):
    """Seven calls, texts and emails, two of each pair at the same time (ties break by id)."""
    customer_id = add_customer(phones=["+15125550142"])
    start = dt.datetime(2026, 11, 1, 9, tzinfo=dt.timezone.utc)
    for i in range(7):
        channel = ("call", "sms", "email")[i % 3]
        body = {"customer_id": str(customer_id), "channel": channel, "direction": "inbound",
                "subject": "AC not cooling" if channel == "email" else None, "body": f"Message {i}",
                "transcript": "Caller asked for a visit" if channel == "call" else None,
                "occurred_at": (start + dt.timedelta(hours=i // 2)).isoformat()}
        assert client.post("/communications", json=body, headers=auth).status_code == 201
    return customer_id


def get(client, auth, path):
    response = client.get(path, headers=auth)
    assert response.status_code == 200, response.json
    return response.json


@pytest.mark.parametrize("limit, activity_limit", [(3, 5), (5, 3), (4, 4), (10, 20), (7, 2), (1, 7)])
def test_each_section_is_what_its_own_route_answers(client, auth, busy_customer, limit, activity_limit):
    part = get(client, auth, PART.format(busy_customer) + f"?limit={limit}&activity_limit={activity_limit}")
    assert set(part) == {"communications", "activity"}
    assert part["communications"] == get(client, auth, f"/customers/{busy_customer}/communications?limit={limit}")
    assert part["activity"] == get(client, auth, f"/customers/{busy_customer}/activity?limit={activity_limit}")


def test_defaults_are_the_gateways_first_pages_and_cursors_lead_on(client, auth, busy_customer):
    part = get(client, auth, PART.format(busy_customer) + "?limit=4")
    assert part["activity"] == get(client, auth, f"/customers/{busy_customer}/activity?limit=20")
    assert len(part["activity"]["items"]) == 7 and part["activity"]["next_cursor"] is None
    cursor = part["communications"]["next_cursor"]
    rest = get(client, auth, f"/customers/{busy_customer}/communications?cursor={cursor}")
    everything = get(client, auth, f"/customers/{busy_customer}/communications?limit=100")["items"]
    assert part["communications"]["items"] + rest["items"] == everything


def test_a_customer_with_nothing_logged_yet_gets_empty_pages(client, auth, add_customer):
    part = get(client, auth, PART.format(add_customer()))
    assert part == {"communications": {"items": [], "next_cursor": None},
                    "activity": {"items": [], "next_cursor": None}}


class TestRefusals(PartRefusals):
    HIDDEN = "Message"
    WITHOUT_VIEW = ["comms:send", "billing:view", "jobs:view"]
    BAD_LIMITS = [("limit=0", "limit"), ("activity_limit=1000", "activity_limit"),
                  ("activity_limit=lots", "activity_limit")]


def test_one_customer_check_and_one_read_of_the_feed(app, client, auth, busy_customer):
    """A first ask: the store's lookup, the customer check, the longer page, the store's two (no WAL wait, upsert;
    the two separate calls took four without the store's three). The next ones: the lookup alone."""
    with sent_statements(app) as part:
        get(client, auth, PART.format(busy_customer))
    assert len(part) == 5 and sum("FROM communications" in sql for sql in part) == 1
    assert "stored_parts" in part[0] and "INSERT INTO stored_parts" in part[-1]
    with sent_statements(app) as again:
        get(client, auth, PART.format(busy_customer))
    assert len(again) == 1
    with sent_statements(app) as separate:
        get(client, auth, f"/customers/{busy_customer}/communications?limit=10")
        get(client, auth, f"/customers/{busy_customer}/activity?limit=20")
    assert len(separate) == 4
