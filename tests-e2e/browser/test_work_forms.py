"""New job, Schedule and New estimate: opened by the quick actions, an insight card and an empty Jobs tab,
pre-filled, saved through the gateway, and shown in their tab."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually


def primary_property(demo, customer_id):
    properties = demo.get(f"/customers/{customer_id}")["properties"]
    return next(p for p in properties if p["is_primary"])


def jobs(demo, customer_id):
    return demo.get(f"/customers/{customer_id}/jobs?limit=100")["items"]


def page_instant(page, day, time):
    """The instant the page means by a wall-clock day and time, in the browser's own time zone."""
    return page.evaluate(f"new Date('{day}T{time}:00').toISOString()")


def test_schedule_from_the_quick_actions_books_the_window_at_the_primary_property(page, demo, screenshots):
    customer = next(c for c in demo.customers() if demo.get(f"/customers/{c['id']}")["properties"])
    home = primary_property(demo, customer["id"])
    technician = demo.get("/technicians?active=true")["items"][0]
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="Schedule", exact=True).click()
    form = page.get_by_role("form", name="Schedule a visit")
    expect(form.get_by_role("combobox", name="Property")).to_have_value(re.compile(re.escape(home["line1"])))
    form.get_by_role("button", name="Schedule").click()
    expect(form.get_by_text("Give the job a title.")).to_be_visible()
    expect(form.get_by_text("Pick the day of the visit.")).to_be_visible()

    form.get_by_label("Title").fill("Annual furnace check")
    form.get_by_label("Day").fill("2031-05-06")
    form.get_by_label("From").fill("13:30")
    form.get_by_label("To").fill("15:00")
    form.get_by_label("Technicians").click()
    page.get_by_role("option", name=technician["name"]).click()
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_have_count(0)
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "schedule-form.png"))
    form.get_by_role("button", name="Schedule").click()

    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/jobs$"))
    row = page.get_by_role("table", name="Jobs").get_by_role("row").filter(has_text="Annual furnace check")
    expect(row).to_contain_text("May 6, 2031, 1:30 PM")
    expect(row).to_contain_text("scheduled")
    job = next(j for j in jobs(demo, customer["id"]) if j["title"] == "Annual furnace check")
    full = demo.get(f"/jobs/{job['id']}")
    assert full["status"] == "scheduled" and full["property_id"] == home["id"]
    assert full["technician_ids"] == [technician["id"]]
    assert full["scheduled_start"].startswith(page_instant(page, "2031-05-06", "13:30")[:16])
    assert full["scheduled_end"].startswith(page_instant(page, "2031-05-06", "15:00")[:16])


def test_new_estimate_takes_prices_in_cents_and_shows_field_errors(page, demo, screenshots):
    customer = demo.customers()[1]
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="New estimate").click()
    form = page.get_by_role("form", name="New estimate")
    form.get_by_label("Title").fill("x" * 201)
    form.get_by_label("Line 1 description").fill("Air filter")
    form.get_by_label("Line 1 quantity").fill("3")
    form.get_by_label("Line 1 unit price").fill("19.99")
    form.get_by_role("button", name="Add line").click()
    form.get_by_label("Line 2 description").fill("Disposal fee")
    form.get_by_label("Line 2 unit price").fill("0.10")
    expect(form.get_by_label("Estimate total")).to_have_text("Total $60.07")
    form.get_by_role("button", name="Create estimate").click()
    # The API's refusal (a title over 200 characters) stands under the field it names.
    expect(form.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_text(re.compile("200"))).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "estimate-form.png"))

    form.get_by_label("Title").fill("Filters for the year")
    form.get_by_role("button", name="Create estimate").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/estimates$"))
    row = page.get_by_role("table", name="Estimates").get_by_role("row").filter(has_text="Filters for the year")
    expect(row).to_contain_text("$60.07")
    estimates = demo.get(f"/customers/{customer['id']}/estimates?limit=100")["items"]
    estimate = demo.get(f"/estimates/{next(e for e in estimates if e['title'] == 'Filters for the year')['id']}")
    assert estimate["total_cents"] == 6007
    assert [(li["quantity"], li["unit_price_cents"]) for li in estimate["line_items"]] == [(3, 1999), (1, 10)]


def test_the_maintenance_card_opens_the_visit_pre_filled(page, demo):
    def due_card(customer):
        cards = demo.get(f"/customers/{customer['id']}/insights?ai=cached")["cards"]
        return next((c for c in cards if c["kind"] == "maintenance_due"), None)
    customer, card = next((c, card) for c in demo.customers() if (card := due_card(c)))
    plan = demo.get(f"/plans/{card['link']['id']}")
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("region", name="Insights").get_by_role("button", name=card["action"]).click()
    form = page.get_by_role("form", name="Schedule a visit")
    expect(form.get_by_label("Title")).to_have_value(f"{plan['name']} visit")
    expect(form.get_by_label("Day")).to_have_value(plan["next_visits"][0][:10])
    form.get_by_role("button", name="Schedule").click()

    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/jobs$"))
    expect(page.get_by_role("table", name="Jobs").get_by_role("row").filter(has_text=f"{plan['name']} visit").first).to_be_visible()
    job = next(j for j in jobs(demo, customer["id"]) if j["title"] == f"{plan['name']} visit")
    assert job["status"] == "scheduled" and job["property_id"] == plan["property_id"]


def test_a_customer_without_jobs_is_offered_to_schedule_the_first(page, demo):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": "Nadia Firstjob", "properties": [{"line1": "8 Orchard Lane", "city": "Springfield", "region": "IL", "postal_code": "62701"}]})
    assert created.status_code == 201, created.text
    customer = created.json()
    page.goto(f"/customers/{customer['id']}/jobs")
    page.get_by_role("button", name="Schedule first job").click()
    form = page.get_by_role("form", name="Schedule a visit")
    form.get_by_label("Title").fill("First visit")
    form.get_by_label("Day").fill("2031-06-01")
    form.get_by_role("button", name="Schedule").click()
    expect(page.get_by_role("table", name="Jobs").get_by_role("row").filter(has_text="First visit")).to_be_visible()
    [job] = eventually(lambda: jobs(demo, customer["id"]))
    assert job["title"] == "First visit" and job["property_address"].startswith("8 Orchard Lane")


def test_work_for_a_do_not_service_customer_needs_an_override_reason(page, demo):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": "Otto Flagged", "do_not_service": {"flag": True, "reason": "Dog bit a technician"}})
    assert created.status_code == 201, created.text
    customer = created.json()
    # The jobs service learns of the flag from the customer's events.
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="New job").click()
    form = page.get_by_role("form", name="New job")
    expect(form.get_by_role("alert").filter(has_text="flagged do-not-service")).to_contain_text("Dog bit a technician")
    form.get_by_label("Title").fill("Inspect the fence")
    form.get_by_role("button", name="Create job").click()
    expect(form.get_by_text("Say why this customer is served despite the flag.")).to_be_visible()
    assert accessibility_problems(page) == []
    form.get_by_label("Reason to override do-not-service").fill("Owner will keep the dog inside")
    form.get_by_role("button", name="Create job").click()

    expect(page.get_by_role("table", name="Jobs").get_by_role("row").filter(has_text="Inspect the fence")).to_be_visible()
    [job] = jobs(demo, customer["id"])
    history = demo.get(f"/jobs/{job['id']}/history")["items"]
    assert any("Owner will keep the dog inside" in str(entry) for entry in history)
