"""Settings → Integrations asks whether Google Maps is configured: yes or no, the key's last four, never the key."""
from customers.bootstrap import SPEC

KEY = "AIzaSyIntegrationStatusKey9Q7x"


def maps(app, headers):
    return app.test_client().get("/settings/integrations/maps", headers=headers)


def test_without_a_key_maps_is_not_configured_and_says_what_to_set(app_without_geocoding, auth):
    response = maps(app_without_geocoding, auth)
    assert response.status_code == 200
    assert response.json["configured"] is False and response.json["api_key_last4"] is None
    assert "FIELDWORK_GOOGLE_MAPS_API_KEY" in response.json["message"]


def test_with_a_key_maps_shows_its_last_four_only(make_app, monkeypatch, auth):
    monkeypatch.setenv("FIELDWORK_GOOGLE_MAPS_API_KEY", KEY)
    response = maps(make_app(SPEC), auth)
    assert response.status_code == 200
    assert response.json == {"configured": True, "api_key_last4": "9Q7x", "message": None}
    assert KEY[:-4] not in response.text


def test_only_who_may_change_settings_sees_it(app_without_geocoding, make_token, account_id):
    token = make_token(account_id, perms=["customers:view"])
    assert maps(app_without_geocoding, {"Authorization": f"Bearer {token}"}).status_code == 403
