"""The customer record over HTTP: create, read, edit, status, tags, do-not-service, archive."""
import uuid


def test_create_gives_a_number_a_lead_and_who_created_it(create, client, auth):
    first = create(lead_source="Google Ads", tags=["VIP"], preferred_channel="sms")
    second = create(display_name="Ray Ortiz")
    assert (first["number"], second["number"]) == ("C-1001", "C-1002")
    assert first["status"] == "lead" and first["created_by"] == "user-1" and first["created_at"]
    assert first["lead_source"] == "Google Ads" and first["tags"] == ["VIP"] and first["preferred_channel"] == "sms"
    assert first["do_not_service"] == {"flag": False, "reason": None}
    assert first["revision"] == 1 and first["archived"] is False and first["merged_into"] is None
    assert client.get(f"/customers/{first['id']}", headers=auth).json == first


def test_create_with_contacts_and_properties(create):
    customer = create(kind="commercial", company="Hill Country Dental",
                      contacts=[{"name": "Ana", "emails": ["Ana@HCD.com"], "phones": [{"number": "(512) 555-0142"}]}],
                      properties=[{"line1": "1 Main St", "city": "Austin", "region": "TX", "postal_code": "78701"}])
    assert customer["company"] == "Hill Country Dental"
    assert customer["contacts"][0]["is_primary"] is True
    assert customer["contacts"][0]["phones"] == [{"number": "(512) 555-0142", "e164": "+15125550142", "extension": None,
                                                  "tel": "tel:+15125550142", "label": None}]
    assert customer["properties"][0]["is_primary"] is True and customer["properties"][0]["kind"] == "commercial"
    assert customer["primary_email"] == "Ana@HCD.com"


def test_a_commercial_customer_needs_a_company(client, auth, table_counts):
    before = table_counts()
    response = client.post("/customers", json={"display_name": "X", "kind": "commercial"}, headers=auth)
    assert response.status_code == 422 and "company" in response.json["error"]["fields"]
    assert table_counts() == before


def test_bad_input_on_create_writes_nothing(client, auth, table_counts):
    before = table_counts()
    bad_bodies = [
        {"display_name": ""},
        {"display_name": "A", "kind": "castle"},
        {"display_name": "A", "status": "asleep"},
        {"display_name": "A", "preferred_channel": "pigeon"},
        {"display_name": "A", "contacts": [{"name": "B", "phones": [{"number": "12"}]}]},
        {"display_name": "A", "contacts": [{"name": "B", "emails": ["not-an-email"]}]},
        {"display_name": "A", "properties": [{"line1": "1 Main", "city": "Austin"}]},
        {"display_name": "A", "do_not_service": {"flag": True}},
        {"display_name": "A", "next_follow_up_at": "tomorrow"},
        {"display_name": "A", "surprise": 1},
    ]
    for body in bad_bodies:
        response = client.post("/customers", json=body, headers=auth)
        assert response.status_code == 422, body
        assert response.json["error"]["code"] == "validation_error" and response.json["error"]["fields"], body
    assert table_counts() == before


def test_patch_edits_and_publishes_a_snapshot(create, client, auth, app, emitted, account_id):
    customer = create()
    response = client.patch(f"/customers/{customer['id']}", headers=auth, json={
        "display_name": "Dana W. Whitfield", "next_follow_up_at": "2026-12-01T15:00:00Z", "lead_source": "Referral",
        "do_not_service": {"flag": True, "reason": "Unpaid balance, abusive to staff"}})
    assert response.status_code == 200
    body = response.json
    assert body["display_name"] == "Dana W. Whitfield" and body["next_follow_up_at"].startswith("2026-12-01T15:00")
    assert body["do_not_service"] == {"flag": True, "reason": "Unpaid balance, abusive to staff"}
    assert body["revision"] == 2
    updated = emitted(app, account_id, "customer.updated")[-1]["data"]
    assert updated["revision"] == 2 and updated["customer"]["do_not_service"] is True
    assert set(updated["changed"]) == {"display_name", "lead_source", "do_not_service", "do_not_service_reason"}
    assert updated["customer"]["do_not_service_reason"] == "Unpaid balance, abusive to staff"
    listed = client.get("/customers", headers=auth).json["items"][0]
    assert listed["do_not_service"] == {"flag": True, "reason": "Unpaid balance, abusive to staff"}


def test_a_patch_that_changes_no_snapshot_field_publishes_nothing(create, client, auth, app, emitted, account_id):
    customer = create()
    client.patch(f"/customers/{customer['id']}", headers=auth, json={"next_follow_up_at": "2026-12-01T15:00:00Z"})
    assert emitted(app, account_id, "customer.updated") == []


def test_status_changes_are_kept_with_who_and_when(create, client, auth, app, emitted, account_id):
    customer = create()
    response = client.post(f"/customers/{customer['id']}/status", json={"to": "prospect"}, headers=auth)
    assert response.status_code == 200 and response.json["status"] == "prospect"
    assert client.post(f"/customers/{customer['id']}/status", json={"to": "prospect"}, headers=auth).status_code == 409
    history = client.get(f"/customers/{customer['id']}/status", headers=auth).json["items"]
    assert [(h["from"], h["to"], h["automatic"], h["changed_by"]) for h in history] == [
        ("lead", "prospect", False, "user-1"), (None, "lead", False, "user-1")]
    event = emitted(app, account_id, "customer.status_changed")[0]["data"]
    # The contract names the user who moved it (null only when automatic): a subject that is no UUID is mapped to one.
    user_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "fieldwork:user:user-1"))
    assert (event["from"], event["to"], event["automatic"], event["changed_by"]) == ("lead", "prospect", False, user_id)


def test_tags_are_added_once_and_removed(create, client, auth):
    customer = create()
    url = f"/customers/{customer['id']}/tags"
    client.post(url, json={"tag": "Warranty"}, headers=auth)
    assert client.post(url, json={"tag": "warranty"}, headers=auth).json["tags"] == ["Warranty"]
    tagged = client.get("/customers", query_string={"tag": "WARRANTY"}, headers=auth).json["items"]
    assert tagged[0]["id"] == customer["id"]
    assert client.delete(f"{url}/warranty", headers=auth).json["tags"] == []
    assert client.delete(f"{url}/warranty", headers=auth).status_code == 422


def test_archive_hides_from_lists_and_keeps_everything(create, client, auth, app, emitted, account_id):
    customer = create(contacts=[{"name": "Dana", "emails": ["d@example.com"]}])
    url = f"/customers/{customer['id']}"
    archived = client.post(f"{url}/archive", headers=auth).json
    assert archived["archived"] is True and archived["contacts"] == customer["contacts"]
    assert client.post(f"{url}/archive", headers=auth).status_code == 409
    assert client.get("/customers", headers=auth).json["items"] == []
    assert client.get("/customers", query_string={"q": "dana"}, headers=auth).json["items"] == []
    assert len(client.get("/customers", query_string={"q": "dana", "include_archived": "true"},
                          headers=auth).json["items"]) == 1
    assert client.get(url, headers=auth).status_code == 200
    restored = client.post(f"{url}/unarchive", headers=auth).json
    assert restored["archived"] is False
    assert client.post(f"{url}/unarchive", headers=auth).status_code == 409
    assert [e["data"]["customer_id"] for e in emitted(app, account_id, "customer.archived")] == [customer["id"]]
    assert len(emitted(app, account_id, "customer.unarchived")) == 1
    assert [e["data"]["changed"] for e in emitted(app, account_id, "customer.updated")] == [["archived"], ["archived"]]


def test_list_pages_with_a_cursor(create, client, auth):
    ids = {create(display_name=f"Customer {i}")["id"] for i in range(5)}
    seen, cursor = [], None
    while True:
        page = client.get("/customers", query_string={"limit": 2, **({"cursor": cursor} if cursor else {})},
                          headers=auth).json
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 5 and set(seen) == ids


def test_unknown_customer_is_404(client, auth):
    assert client.get(f"/customers/{uuid.uuid4()}", headers=auth).status_code == 404
