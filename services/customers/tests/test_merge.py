"""Merge a duplicate into a target, refuse what must not merge, undo exactly; duplicate suggestions."""
import uuid

import pytest

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


@pytest.fixture
def pair(create, client, auth):
    target = create("Dana Whitfield", tags=["VIP", "Warranty"], properties=[ADDRESS],
                    contacts=[{"name": "Dana", "emails": ["dana@example.com"], "phones": [{"number": "512-555-0142"}]}])
    duplicate = create("Dana Whitfield", tags=["warranty", "Pool"], lead_source="Website form",
                       contacts=[{"name": "Dana W", "emails": ["dana.w@work.com"],
                                  "phones": [{"number": "512-555-0142"}]}],
                       properties=[{**ADDRESS, "line1": "9 Lake Rd"}, ADDRESS])
    prop = duplicate["properties"][0]["id"]
    client.post(f"/customers/{duplicate['id']}/properties/{prop}/equipment", json={"kind": "furnace", "make": "Lennox"},
                headers=auth)
    client.post(f"/customers/{duplicate['id']}/notes", json={"body": "Prefers mornings", "pinned": True}, headers=auth)
    return target["id"], duplicate["id"]


def everything(client, auth, customer_id) -> dict:
    """All a user can read about a customer; revision aside, which grows with every change by design."""
    profile = client.get(f"/customers/{customer_id}", headers=auth).json
    profile.pop("revision")
    return {"profile": profile,
            "notes": client.get(f"/customers/{customer_id}/notes", headers=auth).json,
            "status": client.get(f"/customers/{customer_id}/status", headers=auth).json}


def test_merge_moves_everything_and_the_old_id_forwards(client, auth, pair, app, emitted, account_id):
    target_id, duplicate_id = pair
    response = client.post(f"/customers/{target_id}/merge", json={"duplicate_id": duplicate_id}, headers=auth)
    assert response.status_code == 201
    merge = response.json
    assert merge["merged_by"] == "user-1" and len(merge["moved"]["contacts"]) == 1
    assert merge["moved"]["tags_dropped"] == ["warranty"]
    target = client.get(f"/customers/{target_id}", headers=auth).json
    assert sorted(target["tags"]) == ["Pool", "VIP", "Warranty"]
    assert [c["name"] for c in target["contacts"]] == ["Dana", "Dana W"]
    assert [c["is_primary"] for c in target["contacts"]] == [True, False]
    assert [p["line1"] for p in target["properties"] if p["is_primary"]] == ["4812 Ridgeview Dr"]
    assert [e["make"] for p in target["properties"] for e in p["equipment"]] == ["Lennox"]
    assert [n["body"] for n in target["pinned_notes"]] == ["Prefers mornings"]
    duplicate = client.get(f"/customers/{duplicate_id}", headers=auth)
    assert duplicate.status_code == 200 and duplicate.json["merged_into"] == target_id
    assert duplicate.json["contacts"] == [] and duplicate.json["tags"] == []
    assert duplicate_id not in [c["id"] for c in client.get("/customers", headers=auth).json["items"]]
    event = emitted(app, account_id, "customer.merged")[0]["data"]
    assert event == {"merge_id": merge["id"], "duplicate_id": duplicate_id, "target_id": target_id}
    snapshots = {e["data"]["customer"]["id"]: e["data"] for e in emitted(app, account_id, "customer.updated")}
    assert snapshots[duplicate_id]["customer"]["merged_into"] == target_id
    assert snapshots[target_id]["customer"]["emails"] == ["dana@example.com", "dana.w@work.com"]


def test_undo_restores_the_exact_prior_state(client, auth, pair, app, emitted, account_id):
    target_id, duplicate_id = pair
    before = {i: everything(client, auth, i) for i in pair}
    merge = client.post(f"/customers/{target_id}/merge", json={"duplicate_id": duplicate_id}, headers=auth).json
    undone = client.post(f"/merges/{merge['id']}/undo", headers=auth)
    assert undone.status_code == 200 and undone.json["undone_by"] == "user-1"
    assert {i: everything(client, auth, i) for i in pair} == before
    assert client.post(f"/merges/{merge['id']}/undo", headers=auth).status_code == 409
    assert emitted(app, account_id, "customer.unmerged")[0]["data"]["merge_id"] == merge["id"]
    again = client.post(f"/customers/{target_id}/merge", json={"duplicate_id": duplicate_id}, headers=auth)
    assert again.status_code == 201
    trail = client.get(f"/customers/{duplicate_id}/merges", headers=auth).json["items"]
    assert [(m["id"], m["undone_by"] is not None) for m in trail] == [(again.json["id"], False), (merge["id"], True)]
    assert trail[1]["moved"] == merge["moved"] and trail[1]["merged_by"] == "user-1"


@pytest.mark.parametrize("case", ["itself", "other_account", "unknown", "into_merged", "into_archived",
                                  "already_merged"])
def test_merges_that_are_refused(client, auth, other_auth, create, case, table_counts):
    target, duplicate, spare = create("T"), create("D"), create("S")
    expected = 409
    if case == "itself":
        body, url, expected = {"duplicate_id": target["id"]}, target["id"], 422
    elif case == "other_account":
        elsewhere = create("E", headers=other_auth)
        body, url, expected = {"duplicate_id": elsewhere["id"]}, target["id"], 422
    elif case == "unknown":
        body, url, expected = {"duplicate_id": str(uuid.uuid4())}, target["id"], 422
    elif case == "into_merged":
        client.post(f"/customers/{spare['id']}/merge", json={"duplicate_id": target["id"]}, headers=auth)
        body, url = {"duplicate_id": duplicate["id"]}, target["id"]
    elif case == "into_archived":
        client.post(f"/customers/{target['id']}/archive", headers=auth)
        body, url = {"duplicate_id": duplicate["id"]}, target["id"]
    else:
        client.post(f"/customers/{spare['id']}/merge", json={"duplicate_id": duplicate["id"]}, headers=auth)
        body, url = {"duplicate_id": duplicate["id"]}, target["id"]
    before = table_counts()
    response = client.post(f"/customers/{url}/merge", json=body, headers=auth)
    assert response.status_code == expected, response.json
    assert response.json["error"]["message"]
    assert table_counts() == before


def test_an_archived_duplicate_can_be_merged(client, auth, create):
    target, duplicate = create("T"), create("D")
    client.post(f"/customers/{duplicate['id']}/archive", headers=auth)
    assert client.post(f"/customers/{target['id']}/merge", json={"duplicate_id": duplicate["id"]},
                       headers=auth).status_code == 201


def test_a_merged_customer_takes_no_changes(client, auth, pair):
    target_id, duplicate_id = pair
    client.post(f"/customers/{target_id}/merge", json={"duplicate_id": duplicate_id}, headers=auth)
    response = client.patch(f"/customers/{duplicate_id}", json={"display_name": "X"}, headers=auth)
    assert response.status_code == 409 and response.json["error"]["merged_into"] == target_id


def test_undo_is_refused_while_the_target_is_merged_elsewhere(client, auth, pair, create):
    target_id, duplicate_id = pair
    first = client.post(f"/customers/{target_id}/merge", json={"duplicate_id": duplicate_id}, headers=auth).json
    final = create("Final")
    client.post(f"/customers/{final['id']}/merge", json={"duplicate_id": target_id}, headers=auth)
    assert client.post(f"/merges/{first['id']}/undo", headers=auth).status_code == 409


def test_duplicate_suggestions_by_phone_email_and_name_with_address(client, auth, pair, create):
    target_id, duplicate_id = pair
    by_email = create("Someone Else", contacts=[{"name": "X", "emails": ["DANA@example.com"]}])
    create("Unrelated", contacts=[{"name": "Y", "emails": ["y@example.com"]}])
    found = client.get(f"/customers/{target_id}/duplicates", headers=auth).json["items"]
    reasons = {f["customer"]["id"]: f["reasons"] for f in found}
    assert reasons == {duplicate_id: ["name_and_address", "phone"], by_email["id"]: ["email"]}
    assert found[0]["customer"]["id"] == duplicate_id
