"""Connect OpenAI from the insights card's link (Settings → Integrations), then the card shows the model's
suggestions with links to the records they cite. The insights service talks to a local server that answers
like OpenAI (tests-e2e/fake_openai.py), never to OpenAI."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems

KEY = "sk-e2eTestKey0123456789wxyz"


def test_connect_openai_then_suggestions_cite_their_records(page, demo, system, screenshots):
    customer = next(c for c in demo.customers() if demo.get(f"/customers/{c['id']}/jobs/summary")["last_completed"])
    last_job = demo.get(f"/customers/{customer['id']}/jobs/summary")["last_completed"]
    page.goto(f"/customers/{customer['id']}")
    insights = page.get_by_role("region", name="Insights")
    insights.get_by_role("link", name="Connect OpenAI").click()

    expect(page).to_have_url(re.compile("/settings/integrations$"))
    form = page.get_by_role("form", name="OpenAI connection")
    form.get_by_role("button", name="Connect OpenAI").click()
    expect(form.get_by_text("Paste the API key from your OpenAI account.")).to_be_visible()
    form.get_by_label("API key").fill("not-a-key")
    form.get_by_role("button", name="Connect OpenAI").click()
    expect(form.get_by_label("API key")).to_have_accessible_description("Not an OpenAI API key (sk-…).")
    assert accessibility_problems(page) == []
    form.get_by_label("API key").fill(KEY)
    form.get_by_label("Model").fill("gpt-4o-mini")
    form.get_by_role("button", name="Connect OpenAI").click()
    expect(form.get_by_role("status")).to_contain_text("Key ending in wxyz")
    expect(page.get_by_text(KEY)).to_have_count(0)
    settings = demo.get("/settings/integrations/openai")
    assert settings["configured"] and settings["api_key_last4"] == "wxyz" and settings["model"] == "gpt-4o-mini"
    page.screenshot(path=str(screenshots / "settings-integrations.png"))

    page.goto(f"/customers/{customer['id']}")
    suggestions = page.get_by_role("region", name="AI suggestions")
    expect(suggestions.get_by_text("Book the next service visit")).to_be_visible()
    # The suggestion citing an id the model invented was dropped by the service.
    expect(suggestions.get_by_text("Sell a new roof")).to_have_count(0)
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "ai-suggestions.png"))
    ai = demo.get(f"/customers/{customer['id']}/insights?ai=cached")["ai"]
    assert ai["status"] == "ok" and [a["cites"] for a in ai["actions"]] == [[last_job["id"]]]
    assert system.openai.requests and system.openai.requests[-1]["path"] == "/v1/chat/completions"

    suggestions.get_by_role("link", name=last_job["number"]).click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/jobs$"))
    expect(page.get_by_role("table", name="Jobs").get_by_role("row").filter(has_text=last_job["number"])).to_be_visible()
