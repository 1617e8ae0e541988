"""The customers part of the workspace: the profile and the first activity page in one call, and what it costs."""
import uuid

import pytest

from chassis.testing.statements import sent_statements
from chassis.testing.workspace_part import assert_422_naming


def test_the_part_is_the_profile_and_the_first_activity_page(client, auth, rich):
    profile = client.get(f"/customers/{rich}", headers=auth).json
    assert len(profile["contacts"]) == 2 and len(profile["pinned_notes"]) == 3
    assert [len(p["equipment"]) for p in profile["properties"]] == [2, 2]
    part = client.get(f"/customers/{rich}/workspace-part", headers=auth)
    assert part.status_code == 200
    invites = client.get(f"/customers/{rich}/portal-invites", headers=auth).json
    assert part.json == {"profile": profile,
                         "activity": client.get(f"/customers/{rich}/activity?limit=20", headers=auth).json,
                         "related_customers": client.get(f"/customers/{rich}/relations", headers=auth).json,
                         "membership": client.get(f"/customers/{rich}/membership", headers=auth).json,
                         "status_history": client.get(f"/customers/{rich}/status?limit=10", headers=auth).json,
                         "portal_invites": {"items": [i for i in invites["items"] if i["status"] == "pending"],
                                            "next_cursor": None}}
    short = client.get(f"/customers/{rich}/workspace-part?activity_limit=2&limit=5", headers=auth).json
    activity = client.get(f"/customers/{rich}/activity?limit=2", headers=auth).json
    assert short["activity"] == activity and activity["next_cursor"] and len(activity["items"]) == 2
    assert short["profile"] == profile


def test_another_accounts_customer_or_an_unknown_one_is_404(client, auth, other_auth, rich):
    for url, headers in ((f"/customers/{rich}/workspace-part", other_auth),
                         (f"/customers/{uuid.uuid4()}/workspace-part", auth)):
        response = client.get(url, headers=headers)
        assert response.status_code == 404 and response.json["error"]["code"] == "not_found", url
        assert "profile" not in response.json


def test_without_customers_view_is_403(client, make_token, account_id, rich):
    headers = {"Authorization": f"Bearer {make_token(account_id, perms=['jobs:view', 'customers:edit'])}"}
    response = client.get(f"/customers/{rich}/workspace-part", headers=headers)
    assert response.status_code == 403 and "profile" not in response.json


@pytest.mark.parametrize("query, field", [("limit=0", "limit"), ("activity_limit=1000", "activity_limit"),
                                          ("activity_limit=0", "activity_limit"), ("limit=many", "limit")])
def test_bad_limits_are_422_with_the_field(client, auth, rich, query, field):
    assert_422_naming(client, auth, rich, query, field)


def test_a_merged_customers_part_names_the_target(client, auth, create, rich):
    duplicate = create("Dana W", contacts=[{"name": "Dana W", "emails": ["dana.w@example.com"]}])
    merged = client.post(f"/customers/{rich}/merge", json={"duplicate_id": duplicate["id"]}, headers=auth)
    assert merged.status_code == 201
    part = client.get(f"/customers/{duplicate['id']}/workspace-part", headers=auth)
    assert part.status_code == 200
    assert part.json["profile"]["merged_into"] == rich and part.json["profile"]["contacts"] == []
    assert part.json["profile"] == client.get(f"/customers/{duplicate['id']}", headers=auth).json
    assert [i["title"] for i in part.json["activity"]["items"]] == ["Added as lead"]


def test_the_profile_is_one_statement_and_the_part_nine_then_one_whatever_the_customer_holds(app, client, auth,
                                                                                              create, rich):
    """A first ask: the store's lookup, the profile, the activity page, one statement for each of related
    customers, membership, status history and open invites, the store's two (no WAL wait, upsert). The next: the
    lookup."""
    small = create("Ray Ortiz")["id"]
    for customer_id in (small, rich):
        with sent_statements(app) as statements:
            assert client.get(f"/customers/{customer_id}", headers=auth).status_code == 200
        assert len(statements) == 1, statements
        with sent_statements(app) as statements:
            assert client.get(f"/customers/{customer_id}/workspace-part", headers=auth).status_code == 200
        assert len(statements) == 9, statements
        assert "stored_parts" in statements[0] and "INSERT INTO stored_parts" in statements[-1]
        with sent_statements(app) as statements:
            assert client.get(f"/customers/{customer_id}/workspace-part", headers=auth).status_code == 200
        assert len(statements) == 1 and "stored_parts" in statements[0], statements
