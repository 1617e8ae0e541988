"""The workspace's Reviews tab: the customer's average as stars and a number, the count, and each review with its
job, as the office sees them once the customer rated their completed jobs."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def _rated_job(demo, customer_id, title, rating, comment):
    post = lambda path, body: demo.session.post(f"{demo.base}/api{path}", json=body, timeout=15)  # noqa: E731
    job = post("/jobs", {"customer_id": customer_id, "title": title, "scheduled_start": "2027-02-01T14:00:00Z"}).json()
    for to in ("in_progress", "completed"):
        assert post(f"/jobs/{job['id']}/status", {"to": to}).status_code == 200
    review = post(f"/jobs/{job['id']}/review", {"rating": rating, "comment": comment})
    assert review.status_code == 201, review.text[:300]
    return job


def test_the_reviews_tab_shows_the_average_the_count_and_each_review_with_its_job(page, demo, screenshots):
    customer = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": "Reese Calder", "contacts": [{"name": "Reese Calder", "phones": [{"number": "512-555-0171"}],
                                                      "emails": ["reese.calder@example.com"]}]}).json()
    first = _rated_job(demo, customer["id"], "Replace opener", 5, "Quick and tidy.")
    second = _rated_job(demo, customer["id"], "Spring repair", 2, None)

    page.goto(f"/customers/{customer['id']}/reviews")
    panel = page.get_by_role("tabpanel", name="Reviews")
    expect(panel.get_by_role("img", name="3.5 out of 5 stars")).to_be_visible()
    expect(panel.get_by_text("2 reviews")).to_be_visible()
    rows = panel.get_by_role("table", name="Reviews").get_by_role("row")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text(f"{second['number']} · Spring repair")
    expect(rows.nth(1).get_by_role("img", name="2 out of 5 stars")).to_be_visible()
    expect(rows.nth(2)).to_contain_text("Quick and tidy.")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "reviews-tab.png"), full_page=True)

    rows.nth(2).get_by_role("link", name=f"{first['number']} · Replace opener").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/jobs$"))
    expect(page.get_by_role("table", name="Jobs")).to_contain_text(first["number"])
