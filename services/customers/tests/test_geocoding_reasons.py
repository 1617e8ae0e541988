"""A property's geocode state says why it has no location, and the explicit geocode call answers with it (issue 20).

Google is the real googlemaps client talking to the local server of conftest.py, which answers as Google does.
"""
import pytest

from chassis.testing.processes import free_port
from customers.adapters.geocoding import PROVIDER_UNAVAILABLE, google_geocoder

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


def _geocode_of(client, auth, customer_id, line1):
    response = client.post(f"/customers/{customer_id}/properties", json={**ADDRESS, "line1": line1}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json["geocode"]


@pytest.mark.parametrize("line1, status, reason, words", [
    ("1 Nowhere Lane", "not_found", "address_not_found", "found no place"),
    ("9 Denied Rd", "failed", "key_refused", "REQUEST_DENIED"),
    ("3 Quota Ct", "failed", "quota_exceeded", "quota"),
    ("5 Outage Ave", "failed", "provider_unavailable", "did not answer"),
])
def test_each_failure_carries_its_reason(create, client, auth, line1, status, reason, words):
    geocode = _geocode_of(client, auth, create()["id"], line1)
    assert (geocode["status"], geocode["reason"], geocode["latitude"]) == (status, reason, None)
    assert words in geocode["error"]


def test_a_geocoded_property_has_no_reason(create, client, auth):
    geocode = _geocode_of(client, auth, create()["id"], "10 Real Rd")
    assert (geocode["status"], geocode["reason"], geocode["error"]) == ("geocoded", None, None)


def test_the_profile_shows_the_reason_too(create, client, auth):
    customer = create(properties=[{**ADDRESS, "line1": "3 Quota Ct"}])
    profile = client.get(f"/customers/{customer['id']}", headers=auth).json
    assert profile["properties"][0]["geocode"]["reason"] == "quota_exceeded"


def test_the_explicit_geocode_call_answers_with_the_reason(app_without_geocoding, auth):
    client = app_without_geocoding.test_client()
    customer = client.post("/customers", json={"display_name": "No Maps", "properties": [ADDRESS]}, headers=auth).json
    prop = customer["properties"][0]
    response = client.post(f"/customers/{customer['id']}/properties/{prop['id']}/geocode", headers=auth)
    assert response.status_code == 200
    assert response.json["geocode"]["status"] == "not_geocoded"
    assert response.json["geocode"]["reason"] == "not_configured"
    assert "FIELDWORK_GOOGLE_MAPS_API_KEY" in response.json["geocode"]["error"]


def test_geocoding_again_replaces_the_reason(create, client, auth):
    customer = create()
    url = f"/customers/{customer['id']}/properties"
    prop = client.post(url, json={**ADDRESS, "line1": "3 Quota Ct"}, headers=auth).json
    assert prop["geocode"]["reason"] == "quota_exceeded"
    moved = client.patch(f"{url}/{prop['id']}", json={"line1": "3 Open Ct"}, headers=auth).json
    assert (moved["geocode"]["status"], moved["geocode"]["reason"], moved["geocode"]["error"]) == \
        ("geocoded", None, None)


def test_a_provider_that_cannot_be_reached_is_provider_unavailable(app, client, auth, monkeypatch):
    nobody = google_geocoder("AIzaKeyOfAGeocoderNobodyRuns", base_url=f"http://127.0.0.1:{free_port()}",
                             retry_timeout=1)
    monkeypatch.setitem(app.extensions["fieldwork"].adapters, "geocoder", nobody)
    customer = client.post("/customers", json={"display_name": "Offline", "properties": [ADDRESS]}, headers=auth).json
    geocode = customer["properties"][0]["geocode"]
    assert (geocode["status"], geocode["reason"]) == ("failed", PROVIDER_UNAVAILABLE)
    assert geocode["error"].startswith("Google Maps did not answer")
