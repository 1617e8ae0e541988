"""The Maintenance tab: a plan set up in the page books its visits as jobs; it is changed, paused, resumed and
cancelled (after asking), each checked on the page and then in what the API holds. axe-core reads the tab and
its open forms."""
import datetime as dt
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def new_customer(demo, name):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "properties": [{"line1": "14 Maple Court", "city": "Springfield", "region": "IL",
                                              "postal_code": "62704"}]})
    assert created.status_code == 201, created.text
    return created.json()


def test_a_plan_set_up_in_the_page_books_its_visits_and_is_paused_changed_and_cancelled(page, demo, screenshots):
    customer = new_customer(demo, "Mara Maintenance")
    page.goto(f"/customers/{customer['id']}/maintenance")
    tab = page.get_by_role("tabpanel", name="Maintenance")
    expect(tab.get_by_text("No maintenance plans.")).to_be_visible()
    assert accessibility_problems(page) == []

    tab.get_by_role("button", name="New plan").click()
    form = page.get_by_role("form", name="New maintenance plan")
    expect(form.get_by_role("combobox", name="Property")).to_have_value(re.compile("14 Maple Court"))
    form.get_by_role("button", name="Create plan").click()
    expect(form.get_by_text("Give the plan a name.")).to_be_visible()
    expect(form.get_by_text("Enter the price of one visit, e.g. 89.00.")).to_be_visible()
    expect(form.get_by_text("Pick the day of the first visit.")).to_be_visible()

    # Weekly from three days out: the visits of the next 30 days are the 3rd, 10th, 17th and 24th day.
    first = dt.date.today() + dt.timedelta(days=3)
    form.get_by_label("Plan name").fill("Weekly pool service")
    form.get_by_label("Service type").fill("Pool care")
    form.get_by_label("Repeats").select_option("WEEKLY")
    form.get_by_label("Every how many weeks").fill("1")
    form.get_by_label("Price per visit").fill("89.50")
    form.get_by_label("First visit").fill(first.isoformat())
    form.get_by_label("Visit time").fill("10:30")
    expect(form.get_by_label("Schedule in words")).to_contain_text(f"Every week on {first.strftime('%A')}")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "maintenance-plan-form.png"))
    form.get_by_role("button", name="Create plan").click()

    plan_card = tab.get_by_role("article", name="Weekly pool service")
    expect(plan_card).to_contain_text(f"Every week on {first.strftime('%A')}")
    expect(plan_card).to_contain_text("$89.50 a visit")
    expect(plan_card).to_contain_text("14 Maple Court")
    expect(plan_card).to_contain_text("Next visit:")
    visits = plan_card.get_by_role("table", name="Visits booked for Weekly pool service").locator("tbody tr")
    expect(visits).to_have_count(4)
    expect(visits.first).to_contain_text("scheduled")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "maintenance-tab.png"), full_page=True)

    [plan] = demo.get(f"/customers/{customer['id']}/plans")["items"]
    assert (plan["status"], plan["price_per_visit_cents"], plan["rrule"]) == ("active", 8950, "FREQ=WEEKLY")
    booked = demo.get(f"/plans/{plan['id']}/visits")["items"]
    assert [v["scheduled_start"][:10] for v in booked] == [
        (first + dt.timedelta(weeks=week)).isoformat() for week in range(4)]
    jobs = demo.get(f"/customers/{customer['id']}/jobs?limit=100")["items"]
    assert sorted(j["id"] for j in jobs if j["status"] == "scheduled") == sorted(v["id"] for v in booked)
    assert demo.get(f"/jobs/{booked[0]['id']}")["plan_id"] == plan["id"]
    # A booked visit is a job: its number opens the job's page.
    expect(visits.first.get_by_role("link", name=booked[0]["number"])).to_have_attribute("href", f"/jobs/{booked[0]['id']}")

    plan_card.get_by_role("button", name="Pause").click()
    expect(plan_card).to_contain_text("none while paused")
    expect(plan_card.get_by_role("button", name="Resume")).to_be_visible()
    assert demo.get(f"/plans/{plan['id']}")["status"] == "paused"
    plan_card.get_by_role("button", name="Resume").click()
    expect(plan_card.get_by_role("button", name="Pause")).to_be_visible()
    assert demo.get(f"/plans/{plan['id']}")["status"] == "active"

    plan_card.get_by_role("button", name="Change").click()
    change = page.get_by_role("form", name="Change maintenance plan")
    expect(change.get_by_label("Price per visit")).to_have_value("89.50")
    change.get_by_label("Price per visit").fill("95")
    assert accessibility_problems(page) == []
    change.get_by_role("button", name="Save changes").click()
    expect(plan_card).to_contain_text("$95.00 a visit")
    assert demo.get(f"/plans/{plan['id']}")["price_per_visit_cents"] == 9500
    history = demo.get(f"/plans/{plan['id']}/history")["items"]
    assert [(c["field"], c["to"]) for c in history][-1] == ("price_per_visit_cents", 9500)

    plan_card.get_by_role("button", name="Cancel plan").click()
    confirm = page.get_by_role("dialog", name="Cancel Weekly pool service?")
    expect(confirm).to_contain_text("its visits still to come are cancelled")
    assert accessibility_problems(page) == []
    confirm.get_by_role("button", name="Keep it").click()
    assert demo.get(f"/plans/{plan['id']}")["status"] == "active"
    plan_card.get_by_role("button", name="Cancel plan").click()
    page.get_by_role("dialog", name="Cancel Weekly pool service?").get_by_role("button", name="Cancel plan").click()
    expect(plan_card.get_by_text("cancelled", exact=True)).to_be_visible()
    expect(plan_card.get_by_role("button", name="Change")).to_have_count(0)
    assert demo.get(f"/plans/{plan['id']}")["status"] == "cancelled"
    assert demo.get(f"/plans/{plan['id']}/visits")["items"] == []
    statuses = {j["id"]: j["status"] for j in demo.get(f"/customers/{customer['id']}/jobs?limit=100")["items"]}
    assert {statuses[v["id"]] for v in booked} == {"cancelled"}


def test_a_plan_left_as_an_assessment_books_nothing_until_activated(page, demo):
    customer = new_customer(demo, "Otto Assessment")
    page.goto(f"/customers/{customer['id']}/maintenance")
    page.get_by_role("button", name="New plan").click()
    form = page.get_by_role("form", name="New maintenance plan")
    form.get_by_label("Plan name").fill("Seasonal HVAC check")
    form.get_by_label("Repeats").select_option("MONTHLY")
    form.get_by_label("Every how many months").fill("3")
    form.get_by_label("Price per visit").fill("129")
    form.get_by_label("First visit").fill((dt.date.today() + dt.timedelta(days=5)).isoformat())
    form.get_by_label("Visit time").fill("08:00")  # leaving the day closes the calendar it opened
    form.get_by_label("Active now (otherwise it waits as an assessment)").uncheck()
    expect(form.get_by_label("Book the visits of the next 30 days now")).to_be_disabled()
    form.get_by_role("button", name="Create plan").click()

    plan_card = page.get_by_role("article", name="Seasonal HVAC check")
    expect(plan_card).to_contain_text("none until active")
    expect(plan_card).to_contain_text("Every 3 months on the")
    [plan] = demo.get(f"/customers/{customer['id']}/plans")["items"]
    assert plan["status"] == "assessment" and plan["rrule"] == "FREQ=MONTHLY;INTERVAL=3"
    assert demo.get(f"/plans/{plan['id']}/visits")["items"] == []

    plan_card.get_by_role("button", name="Activate").click()
    expect(plan_card.get_by_role("button", name="Book the next 30 days")).to_be_visible()
    plan_card.get_by_role("button", name="Book the next 30 days").click()
    expect(plan_card.get_by_role("table", name="Visits booked for Seasonal HVAC check").locator("tbody tr")).to_have_count(1)
    assert demo.get(f"/plans/{plan['id']}")["status"] == "active"
    assert len(demo.get(f"/plans/{plan['id']}/visits")["items"]) == 1
