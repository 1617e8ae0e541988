"""Contacts (E.164, one primary), properties (one primary, geocoding states) and equipment."""

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


def test_phones_are_normalised_and_shown_as_entered(create, client, auth):
    customer = create()
    url = f"/customers/{customer['id']}/contacts"
    contact = client.post(url, headers=auth, json={
        "name": "Dana", "role": "Owner", "emails": ["dana@example.com"],
        "phones": [{"number": "(555) 010-2233", "label": "mobile"}, {"number": "+44 20 7946 0958"}]}).json
    assert contact["phones"] == [{"number": "(555) 010-2233", "e164": "+15550102233", "extension": None,
                                  "tel": "tel:+15550102233", "label": "mobile"},
                                 {"number": "+44 20 7946 0958", "e164": "+442079460958", "extension": None,
                                  "tel": "tel:+442079460958", "label": None}]
    assert contact["is_primary"] is True
    profile = client.get(f"/customers/{customer['id']}", headers=auth).json
    assert profile["primary_phone"]["e164"] == "+15550102233"


def test_exactly_one_primary_contact(create, client, auth):
    customer = create()
    url = f"/customers/{customer['id']}/contacts"
    first = client.post(url, json={"name": "A"}, headers=auth).json
    second = client.post(url, json={"name": "B", "is_primary": True}, headers=auth).json
    listed = {c["name"]: c["is_primary"] for c in client.get(url, headers=auth).json}
    assert listed == {"A": False, "B": True}
    refused = client.patch(f"{url}/{second['id']}", json={"is_primary": False}, headers=auth)
    assert refused.status_code == 422 and "is_primary" in refused.json["error"]["fields"]
    assert client.delete(f"{url}/{second['id']}", headers=auth).status_code == 204
    assert client.get(url, headers=auth).json == [{**first, "is_primary": True}]


def test_contact_edits_publish_the_new_phones(create, client, auth, app, emitted, account_id):
    customer = create(contacts=[{"name": "Dana", "phones": [{"number": "512-555-0142"}]}])
    contact_id = customer["contacts"][0]["id"]
    response = client.patch(f"/customers/{customer['id']}/contacts/{contact_id}", headers=auth,
                            json={"phones": [{"number": "512-555-0142"}, {"number": "512 555 0199"}]})
    assert response.status_code == 200
    updated = emitted(app, account_id, "customer.updated")[-1]["data"]
    assert updated["customer"]["phones"] == ["+15125550142", "+15125550199"] and updated["changed"] == ["phones"]
    bad = client.patch(f"/customers/{customer['id']}/contacts/{contact_id}", headers=auth,
                       json={"phones": [{"number": "12"}]})
    assert bad.status_code == 422
    assert client.get(f"/customers/{customer['id']}/contacts", headers=auth).json[0]["phones"][1]["e164"] == \
        "+15125550199"


def test_a_property_is_geocoded_through_the_googlemaps_client(create, client, auth):
    customer = create()
    prop = client.post(f"/customers/{customer['id']}/properties", json={**ADDRESS, "access_notes": "Gate 4321, dog"},
                       headers=auth).json
    assert prop["is_primary"] is True and prop["access_notes"] == "Gate 4321, dog" and prop["country"] == "US"
    assert prop["geocode"]["status"] == "geocoded"
    assert (prop["geocode"]["latitude"], prop["geocode"]["longitude"]) == (30.2672, -97.7431)
    assert prop["geocode"]["formatted_address"] == "4812 RIDGEVIEW DR, AUSTIN, TX 78731, US"


def test_geocoding_failures_keep_the_address(create, client, auth):
    customer = create()
    url = f"/customers/{customer['id']}/properties"
    nowhere = client.post(url, json={**ADDRESS, "line1": "1 Nowhere Lane"}, headers=auth).json
    denied = client.post(url, json={**ADDRESS, "line1": "9 Denied Rd"}, headers=auth).json
    assert (nowhere["geocode"]["status"], nowhere["line1"], nowhere["geocode"]["latitude"]) == \
        ("not_found", "1 Nowhere Lane", None)
    assert denied["geocode"]["status"] == "failed" and "REQUEST_DENIED" in denied["geocode"]["error"]
    assert denied["line1"] == "9 Denied Rd"
    moved = client.patch(f"{url}/{denied['id']}", json={"line1": "10 Real Rd"}, headers=auth).json
    assert moved["geocode"]["status"] == "geocoded" and moved["geocode"]["error"] is None


def test_without_a_key_properties_are_not_geocoded(app_without_geocoding, auth):
    client = app_without_geocoding.test_client()
    customer = client.post("/customers", json={"display_name": "No Maps", "properties": [ADDRESS]}, headers=auth).json
    assert customer["properties"][0]["geocode"] == {
        "status": "not_geocoded", "latitude": None, "longitude": None, "formatted_address": None, "geocoded_at": None,
        "reason": "not_configured",
        "error": "No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY)."}


def test_exactly_one_primary_property_and_primary_address_published(create, client, auth, app, emitted, account_id):
    customer = create(properties=[ADDRESS])
    url = f"/customers/{customer['id']}/properties"
    second = client.post(url, json={**ADDRESS, "line1": "77 Lake Rd", "is_primary": True}, headers=auth).json
    assert [p["is_primary"] for p in client.get(url, headers=auth).json] == [False, True]
    updated = emitted(app, account_id, "customer.updated")[-1]["data"]["customer"]
    assert updated["primary_address"]["line1"] == "77 Lake Rd"
    assert client.patch(f"{url}/{second['id']}", json={"is_primary": False}, headers=auth).status_code == 422
    client.delete(f"{url}/{second['id']}", headers=auth)
    assert [p["is_primary"] for p in client.get(url, headers=auth).json] == [True]


def test_equipment_per_property(create, client, auth, table_counts):
    customer = create(properties=[ADDRESS])
    prop_id = customer["properties"][0]["id"]
    url = f"/customers/{customer['id']}/properties/{prop_id}/equipment"
    unit = client.post(url, headers=auth, json={
        "kind": "heat_pump", "make": "Trane", "model": "XR16", "serial": "TR-99812",
        "installed_on": "2019-05-02", "warranty_until": "2029-05-02", "notes": "Replaced capacitor 2024"}).json
    assert unit["kind"] == "heat_pump" and unit["warranty_until"] == "2029-05-02" and unit["property_id"] == prop_id
    before = table_counts()
    assert client.post(url, json={"kind": "toaster"}, headers=auth).status_code == 422
    assert client.post(url, json={"kind": "furnace", "installed_on": "last year"}, headers=auth).status_code == 422
    assert table_counts() == before
    patched = client.patch(f"{url}/{unit['id']}", json={"serial": "TR-99813"}, headers=auth).json
    assert patched["serial"] == "TR-99813"
    profile = client.get(f"/customers/{customer['id']}", headers=auth).json
    assert profile["properties"][0]["equipment"] == [patched]
    assert client.delete(f"{url}/{unit['id']}", headers=auth).status_code == 204
    assert client.get(url, headers=auth).json == []
