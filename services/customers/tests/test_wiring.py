"""The composition root: geocoding only with a key, through the real client; what a new customer publishes."""
from chassis.service import build_runtime
from customers.adapters.geocoding import GoogleGeocoder, NoGeocoder
from customers.bootstrap import SPEC


def test_geocoding_is_wired_only_when_a_key_is_configured(monkeypatch, make_settings, geocoding_server, auth):
    settings = make_settings("customers", uses_database=False)
    monkeypatch.delenv("FIELDWORK_GOOGLE_MAPS_API_KEY", raising=False)
    assert isinstance(build_runtime(SPEC, settings).adapters["geocoder"], NoGeocoder)
    monkeypatch.setenv("FIELDWORK_GOOGLE_MAPS_API_KEY", "AIzaTestKeyForTheLocalGeocoder")
    monkeypatch.setenv("FIELDWORK_GOOGLE_MAPS_BASE_URL", geocoding_server)
    geocoder = build_runtime(SPEC, settings).adapters["geocoder"]
    assert isinstance(geocoder, GoogleGeocoder)
    found = geocoder.geocode({"line1": "1 Main St", "line2": None, "city": "Austin", "region": "TX",
                              "postal_code": "78701", "country": "US"})
    assert (found.latitude, found.longitude) == (30.2672, -97.7431)


def test_a_new_customer_publishes_its_whole_snapshot(create, app, emitted, account_id):
    customer = create(lead_source="Google Ads",
                      contacts=[{"name": "Dana", "emails": ["Dana@Example.com"],
                                 "phones": [{"number": "512-555-0142"}]}],
                      properties=[{"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX",
                                   "postal_code": "78731"}])
    [event] = emitted(app, account_id, "customer.created")
    assert event["producer"] == "customers" and event["data"]["revision"] == 1
    assert event["data"]["customer"] == {
        "id": customer["id"], "number": customer["number"], "display_name": "Dana Whitfield", "company": None,
        "kind": "residential", "status": "lead", "lead_source": "Google Ads", "do_not_service": False,
        "do_not_service_reason": None,
        "archived": False, "merged_into": None, "emails": ["dana@example.com"], "phones": ["+15125550142"],
        "primary_address": {"line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX",
                            "postal_code": "78731", "country": "US"},
        "properties": [{"id": customer["properties"][0]["id"], "kind": "residential", "address": {
            "line1": "4812 Ridgeview Dr", "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
            "country": "US"}}]}
    assert emitted(app, account_id, "customer.updated") == []


def test_the_api_document_lists_every_route(client):
    paths = client.get("/openapi.json").json["paths"]
    for path in ("/customers", "/customers/{customer_id}", "/customers/{customer_id}/merge", "/merges/{merge_id}/undo",
                 "/portal/redeem", "/customers/{customer_id}/activity", "/customers/{customer_id}/workspace-part",
                 "/customers/{customer_id}/duplicates",
                 "/customers/{customer_id}/properties/{property_id}/equipment/{equipment_id}"):
        assert path in paths, path
