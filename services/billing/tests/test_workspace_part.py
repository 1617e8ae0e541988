"""GET /customers/<id>/workspace-part: billing's share of the workspace in one call, as its own routes answer it."""
from __future__ import annotations

import pytest

from chassis.testing.statements import sent_statements
from chassis.testing.workspace_part import PART, PartRefusals


@pytest.fixture
def busy_customer(api, customer):
    """Five invoices (one overdue), two payments and a credit note: enough for a second page of each list."""
    invoices = [api.invoice(customer, lines=[{"description": f"Visit {n}", "unit_price_cents": 10000 + n}])
                for n in range(4)]
    api.invoice(customer, issue_date="2020-01-01", due_date="2020-01-31")  # overdue ever since
    api.pay(customer, 4000, [(invoices[0]["id"], 4000)])
    api.pay(customer, 10001, [(invoices[1]["id"], 10001)])
    api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 300, "reason": "Late"})
    return customer


def test_each_section_is_what_its_own_route_answers(api, busy_customer):
    part = api.call("get", PART.format(busy_customer) + "?limit=3&activity_limit=4")
    assert set(part) == {"invoices", "summary", "activity", "card_on_file"}
    assert part["invoices"] == api.call("get", f"/customers/{busy_customer}/invoices?limit=3")
    assert part["summary"] == api.summary(busy_customer)
    assert part["activity"] == api.call("get", f"/customers/{busy_customer}/activity?limit=4")
    # the second pages exist, so the cursors are real ones, and the summary has figures to show
    assert part["invoices"]["next_cursor"] and part["activity"]["next_cursor"]
    assert part["summary"]["overdue_cents"] == 10000 and part["summary"]["total_paid_cents"] == 14001
    assert part["card_on_file"] is None


def test_the_card_on_file_is_what_its_route_answers(api, customer):
    card = {"processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k", "brand": "visa", "last4": "4242", "exp_month": 8,
            "exp_year": 2099}
    api.call("put", f"/customers/{customer}/card", json=card)
    assert api.call("get", PART.format(customer))["card_on_file"] == api.call("get", f"/customers/{customer}/card")


def test_defaults_are_the_gateways_first_pages(api, busy_customer):
    part = api.call("get", PART.format(busy_customer))
    assert part["invoices"] == api.call("get", f"/customers/{busy_customer}/invoices?limit=10")
    assert part["activity"] == api.call("get", f"/customers/{busy_customer}/activity?limit=20")
    assert len(part["activity"]["items"]) == 8 and part["activity"]["next_cursor"] is None


def test_a_customer_without_money_yet_gets_empty_sections(api, customer):
    part = api.call("get", PART.format(customer))
    assert part["invoices"] == {"items": [], "next_cursor": None}
    assert part["activity"] == {"items": [], "next_cursor": None}
    assert part["summary"] == {**api.summary(customer), "balance_cents": 0, "overdue_cents": 0,
                               "oldest_overdue_due_date": None, "currency": "USD"}


class TestRefusals(PartRefusals):
    HIDDEN = "invoices"
    WITHOUT_VIEW = ["billing:edit", "jobs:view", "comms:view"]
    BAD_LIMITS = [("limit=0", "limit"), ("activity_limit=1000", "activity_limit"), ("limit=ten", "limit")]


def test_one_customer_check_and_no_query_twice(app, client, auth, api, busy_customer):
    """A first ask: the store's lookup, six statements (customer, invoices, their lines, summary with overdue,
    activity, the card on file; three calls took seven), the store's two (no WAL wait, upsert). The next ones: the
    lookup alone."""
    with sent_statements(app) as part:
        assert client.get(PART.format(busy_customer), headers=auth).status_code == 200
    assert len(part) == 9 and len(set(part)) == 9
    assert "stored_parts" in part[0] and "INSERT INTO stored_parts" in part[-1]
    assert sum("known_customers" in sql for sql in part) == 1
    with sent_statements(app) as again:
        assert client.get(PART.format(busy_customer), headers=auth).status_code == 200
    assert len(again) == 1
    with sent_statements(app) as separate:
        for path in ("invoices?limit=10", "billing-summary", "activity?limit=20"):
            api.call("get", f"/customers/{busy_customer}/{path}")
    assert len(separate) == 7


def test_the_activity_cursor_of_the_part_opens_the_next_page(api, busy_customer):
    part = api.call("get", PART.format(busy_customer) + "?activity_limit=5")
    rest = api.call("get", f"/customers/{busy_customer}/activity?limit=5&cursor={part['activity']['next_cursor']}")
    everything = api.call("get", f"/customers/{busy_customer}/activity?limit=100")["items"]
    assert part["activity"]["items"] + rest["items"] == everything and rest["next_cursor"] is None
