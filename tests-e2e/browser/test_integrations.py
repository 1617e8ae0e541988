"""Settings → Integrations as the system under test is configured (a mail server and an SMS provider, no Google Maps
key, OpenAI answered by tests-e2e/fake_openai.py), and the insight thresholds: a change in the page is what the API
returns and what the customer's insights card shows."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually

KEY = "sk-e2eIntegrationsKey0123456789qrst"
LOW_RATING = "Follow up reviews of at most (stars)"


def test_each_integration_shows_how_the_system_is_configured(page, demo, system, screenshots):
    page.goto("/settings/integrations")
    maps = page.get_by_role("region", name="Google Maps")
    expect(maps.get_by_text("Not configured", exact=True)).to_be_visible()
    expect(maps).to_contain_text("FIELDWORK_GOOGLE_MAPS_API_KEY")
    expect(maps).to_contain_text("Locate each property's address")
    email = page.get_by_role("region", name="Email (SMTP)")
    expect(email.get_by_text("Configured", exact=True)).to_be_visible()
    expect(email).to_contain_text(f"Mail server 127.0.0.1:{system.smtp.port}")
    expect(email).to_contain_text("Email invoices, estimates and statements")
    sms = page.get_by_role("region", name="SMS", exact=True)
    expect(sms.get_by_text("Configured", exact=True)).to_be_visible()
    expect(sms).to_contain_text(f"Provider 127.0.0.1:{system.sms.server_port}")
    expect(sms).to_contain_text("Sends from +15125550100")
    assert accessibility_problems(page) == []

    assert demo.get("/settings/integrations/maps")["configured"] is False
    messaging = demo.get("/settings/integrations/messaging")
    assert messaging["email"]["configured"] and messaging["email"]["server"] == f"127.0.0.1:{system.smtp.port}"
    assert messaging["sms"]["configured"] and messaging["sms"]["provider"] == f"127.0.0.1:{system.sms.server_port}"

    # OpenAI: connect, then test the connection against the local OpenAI.
    form = page.get_by_role("form", name="OpenAI connection")
    expect(form.get_by_role("button", name="Test the connection")).to_have_count(0)
    form.get_by_label("API key").fill(KEY)
    form.get_by_role("button", name="Connect OpenAI").click()
    expect(form.get_by_role("status")).to_contain_text("Key ending in qrst")
    asked = len(system.openai.requests)
    form.get_by_role("button", name="Test the connection").click()
    expect(form.get_by_text("Connection works")).to_be_visible()
    expect(form).to_contain_text("OpenAI answered: the key and the model work.")
    assert len(system.openai.requests) == asked + 1
    expect(page.get_by_text(KEY)).to_have_count(0)
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "settings-integrations-all.png"), full_page=True)


def _customer_rated_three_stars(demo) -> tuple[dict, dict]:
    post = lambda path, body: demo.session.post(f"{demo.base}/api{path}", json=body, timeout=15)  # noqa: E731
    customer = post("/customers", {"display_name": "Morgan Ashby", "contacts": [
        {"name": "Morgan Ashby", "phones": [{"number": "512-555-0188"}]}]}).json()
    job = post("/jobs", {"customer_id": customer["id"], "title": "Furnace tune-up",
                         "scheduled_start": "2027-02-01T14:00:00Z"}).json()
    for to in ("in_progress", "completed"):
        assert post(f"/jobs/{job['id']}/status", {"to": to}).status_code == 200
    assert post(f"/jobs/{job['id']}/review", {"rating": 3, "comment": "Fine, but late."}).status_code == 201
    return customer, job


def test_a_threshold_changed_in_the_page_changes_the_api_and_the_cards(page, demo, screenshots):
    customer, job = _customer_rated_three_stars(demo)
    insights = f"/customers/{customer['id']}/insights?ai=cached"
    # The review has reached insights, and at the default (2 stars or fewer) a 3★ review asks nothing.
    eventually(lambda: (demo.get(insights)["facts"].get("latest_review") or {}).get("rating") == 3)
    assert "review_follow_up" not in {card["kind"] for card in demo.get(insights)["cards"]}

    page.goto("/settings/integrations")
    form = page.get_by_role("form", name="Insight thresholds")
    field = form.get_by_label(LOW_RATING)
    expect(field).to_have_value("2")
    field.fill("5")
    form.get_by_role("button", name="Save thresholds").click()
    expect(field).to_have_accessible_description(re.compile("greater than or equal to 1 and less than or equal to 4"))
    assert demo.get("/settings/insights")["low_rating"] == 2
    assert accessibility_problems(page) == []

    field.fill("3")
    form.get_by_role("button", name="Save thresholds").click()
    expect(page.get_by_text("Insight thresholds saved")).to_be_visible()
    assert demo.get("/settings/insights")["low_rating"] == 3
    page.screenshot(path=str(screenshots / "settings-insight-thresholds.png"), full_page=True)

    page.goto(f"/customers/{customer['id']}")
    card = page.get_by_role("region", name="Insights").get_by_text(f"Follow up on a 3★ review of {job['number']}")
    expect(card).to_be_visible()
    assert "review_follow_up" in {card["kind"] for card in demo.get(insights)["cards"]}
    assert accessibility_problems(page) == []

    # Back to the default: the card goes again.
    page.goto("/settings/integrations")
    page.get_by_role("form", name="Insight thresholds").get_by_label(LOW_RATING).fill("2")
    page.get_by_role("form", name="Insight thresholds").get_by_role("button", name="Save thresholds").click()
    eventually(lambda: demo.get("/settings/insights")["low_rating"] == 2)
    assert "review_follow_up" not in {card["kind"] for card in demo.get(insights)["cards"]}
