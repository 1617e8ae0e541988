"""The customers app on a fresh database, with geocoding through the real googlemaps client at a local server."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from chassis.testing.local_server import QuietHandler, serving
from customers.adapters.geocoding import NoGeocoder, google_geocoder
from customers.adapters.portal_tokens import PortalTokens
from customers.bootstrap import SPEC

TEST_KEY = "AIzaTestKeyForTheLocalGeocoder"
PORTAL_URL = "https://portal.example.test/magic"


class _GeocodingApi(QuietHandler):
    """Answers like Google's Geocoding API: OK, ZERO_RESULTS for "Nowhere", REQUEST_DENIED for "Denied",
    OVER_QUERY_LIMIT for "Quota", and HTTP 503 (down) for "Outage"."""

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        address = query.get("address", [""])[0]
        if url.path != "/maps/api/geocode/json" or query.get("key") != [TEST_KEY]:
            body = {"status": "REQUEST_DENIED", "error_message": "bad key or path", "results": []}
        elif "Nowhere" in address:
            body = {"status": "ZERO_RESULTS", "results": []}
        elif "Denied" in address:
            body = {"status": "REQUEST_DENIED", "error_message": "The provided API key is invalid.", "results": []}
        elif "Quota" in address:
            body = {"status": "OVER_QUERY_LIMIT", "error_message": "You have exceeded your daily request quota.",
                    "results": []}
        elif "Outage" in address:
            self.send_error(503)
            return
        else:
            body = {"status": "OK", "results": [{
                "formatted_address": address.upper(),
                "geometry": {"location": {"lat": 30.2672, "lng": -97.7431}, "location_type": "ROOFTOP"}}]}
        self.answer(200, body)


@pytest.fixture(scope="session")
def geocoding_server():
    with serving(_GeocodingApi) as server:
        yield server.url


@pytest.fixture(scope="session")
def customers_and_comms(service_process):
    """The real customers and comms services, each knowing the other's address: customers asks comms about
    communications it has not heard of, comms asks customers about customers."""
    from chassis.testing.processes import free_port

    customers_port = free_port()
    comms = service_process("comms", FIELDWORK_CUSTOMERS_URL=f"http://127.0.0.1:{customers_port}")
    customers = service_process("customers", port=customers_port, FIELDWORK_COMMS_URL=comms.url)
    return customers, comms


@pytest.fixture(scope="session")
def comms_server(customers_and_comms):
    return customers_and_comms[1].url


def _adapters(geocoder, comms_url):
    from chassis.references import RecordsApi
    from chassis.testing.plugin import TEST_JWT_SECRET
    return {"geocoder": geocoder, "portal_tokens": PortalTokens(TEST_JWT_SECRET), "portal_url": PORTAL_URL,
            "comms_api": RecordsApi("comms", "/communications/{id}", base_url=comms_url)}


@pytest.fixture(scope="session")
def app(make_app, geocoding_server, comms_server):
    return make_app(SPEC, adapters=_adapters(google_geocoder(TEST_KEY, base_url=geocoding_server, retry_timeout=2),
                                             comms_server))


@pytest.fixture(scope="session")
def app_without_geocoding(make_app, comms_server):
    return make_app(SPEC, adapters=_adapters(NoGeocoder(), comms_server))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def create(client, auth):
    """``create(display_name=..., **fields)`` → the created customer's profile."""
    def make(display_name="Dana Whitfield", headers=None, **fields):
        response = client.post("/customers", json={"display_name": display_name, **fields}, headers=headers or auth)
        assert response.status_code == 201, response.json
        return response.json
    return make


@pytest.fixture
def table_counts(app):
    """Rows per table of this service (all accounts): proves a refused write wrote nothing."""
    from sqlalchemy import text
    tables = ("customers", "contacts", "contact_emails", "contact_phones", "properties", "equipment", "notes", "tags",
              "status_changes", "merges", "portal_invites", "outbox", "account_sequences")

    def count() -> dict:
        with app.extensions["fieldwork"].database.engine.connect() as connection:
            return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
    return count


ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


@pytest.fixture
def rich(create, client, auth):
    """A customer with two contacts, two properties with equipment, notes pinned and not, and a status change."""
    customer = create(tags=["VIP", "Net 30"], lead_source="Referral",
                      contacts=[{"name": "Dana", "emails": ["dana@example.com", "d@work.com"],
                                 "phones": [{"number": "512-555-0142", "label": "mobile"}, {"number": "512-555-0100"}]},
                                {"name": "Sam", "role": "Tenant", "phones": [{"number": "512-555-0199"}]}],
                      properties=[ADDRESS, {**ADDRESS, "line1": "9 Lake Rd", "access_notes": "Gate 4321"}])
    cid = customer["id"]
    for prop in customer["properties"]:
        for kind in ("furnace", "water_heater"):
            response = client.post(f"/customers/{cid}/properties/{prop['id']}/equipment", headers=auth,
                                   json={"kind": kind, "make": "Lennox", "installed_on": "2019-04-02"})
            assert response.status_code == 201
    for i in range(5):
        assert client.post(f"/customers/{cid}/notes", json={"body": f"note {i}\nmore", "pinned": i % 2 == 0},
                           headers=auth).status_code == 201
    assert client.post(f"/customers/{cid}/status", json={"to": "prospect", "reason": "Called back"},
                       headers=auth).status_code == 200
    return cid
