"""Review requests are the account's to turn off and on again, from Settings → Integrations."""
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually


def test_review_requests_are_turned_off_and_on_in_settings(page, demo, screenshots):
    assert demo.get("/settings/reviews")["send_review_requests"] is True  # on until turned off
    page.goto("/settings/integrations")
    section = page.get_by_role("region", name="Review requests")
    switch = section.get_by_role("switch", name="Ask for a review when a job is completed")
    expect(switch).to_be_checked()
    assert accessibility_problems(page) == []

    switch.click()
    expect(switch).not_to_be_checked()
    eventually(lambda: demo.get("/settings/reviews")["send_review_requests"] is False)
    page.screenshot(path=str(screenshots / "settings-review-requests.png"))

    page.reload()
    expect(section.get_by_role("switch", name="Ask for a review when a job is completed")).not_to_be_checked()
    section.get_by_role("switch", name="Ask for a review when a job is completed").click()
    eventually(lambda: demo.get("/settings/reviews")["send_review_requests"] is True)
