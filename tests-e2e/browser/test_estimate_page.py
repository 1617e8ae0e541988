"""The estimate page: opened from the Estimates tab, sent, approved on the customer's behalf into a scheduled job
(which the Jobs tab lists and which makes the customer active), declined after a confirmation, or approved first
and converted to its job later; each checked on the page and then in what the API holds."""
import datetime as dt
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually


def checked(page) -> list[str]:
    """axe-core's findings once a dialog has finished opening (mid-transition it is half transparent)."""
    page.wait_for_function(
        "() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running')")
    return accessibility_problems(page)


def open_table(page, path, name):
    """The workspace tab's table; on a loaded box a section can miss the workspace's deadline, and the page then
    says to try again in a moment, which is what a user does."""
    for _ in range(4):
        page.goto(path)
        table = page.get_by_role("table", name=name)
        expect(table.or_(page.get_by_text(f"{name} is unavailable right now"))).to_be_visible()
        if table.is_visible():
            return table
    raise AssertionError(f"the {name} section stayed unavailable")


def new_customer(demo, name):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "properties": [{"line1": "5 Quote Court", "city": "Springfield", "region": "IL",
                                              "postal_code": "62702"}]})
    assert created.status_code == 201, created.text
    return created.json()


def new_estimate(demo, customer, title, *, days=20, send=False):
    made = demo.session.post(f"{demo.base}/api/estimates", timeout=15, json={
        "customer_id": customer["id"], "title": title, "property_id": customer["properties"][0]["id"],
        "valid_until": (dt.date.today() + dt.timedelta(days=days)).isoformat(),
        "line_items": [{"description": "Heat pump", "quantity": 1, "unit_price_cents": 689900},
                       {"description": "Line set", "quantity": 3, "unit_price_cents": 4995}]})
    assert made.status_code == 201, made.text
    estimate = made.json()
    if send:
        sent = demo.session.post(f"{demo.base}/api/estimates/{estimate['id']}/status", json={"to": "sent"}, timeout=15)
        assert sent.status_code == 200, sent.text
    return estimate


def page_instant(page, day, time):
    return page.evaluate(f"new Date('{day}T{time}:00').toISOString()")


def test_send_then_approve_into_a_scheduled_job_that_makes_the_customer_active(page, demo, screenshots):
    customer = new_customer(demo, "Esme Estimatepage")
    estimate = new_estimate(demo, customer, "Heat pump install")
    open_table(page, f"/customers/{customer['id']}/estimates", "Estimates").get_by_role(
        "link", name=estimate["number"]).click()
    expect(page).to_have_url(re.compile(f"/estimates/{estimate['id']}$"))
    expect(page.get_by_role("heading", name=f"Estimate {estimate['number']}")).to_be_visible()
    lines = page.get_by_role("table", name="Line items")
    expect(lines.get_by_role("row").filter(has_text="Line set")).to_contain_text("$49.95")
    expect(lines.get_by_label("Total")).to_have_text("$7,048.85")
    expect(page.get_by_label("Expiry")).to_contain_text("20 days left")
    assert checked(page) == []

    page.get_by_role("button", name="Send to customer").click()
    expect(page.get_by_role("button", name="Approve")).to_be_visible()
    assert demo.get(f"/estimates/{estimate['id']}")["status"] == "sent"

    page.get_by_role("button", name="Approve").click()
    form = page.get_by_role("form", name="Approve the estimate")
    expect(form.get_by_label("Create the job now")).to_be_checked()
    form.get_by_label("Job day (optional)").fill("2031-06-10")
    form.get_by_label("From").fill("10:00")
    form.get_by_label("To").fill("12:00")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "estimate-approve.png"))
    form.get_by_role("button", name="Approve").click()

    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.get_by_label("Expiry")).to_contain_text("Was valid until")
    held = demo.get(f"/estimates/{estimate['id']}")
    assert held["status"] == "approved" and held["job_id"]
    job = demo.get(f"/jobs/{held['job_id']}")
    assert job["status"] == "scheduled" and job["estimate_id"] == estimate["id"] and job["total_cents"] == 704885
    assert job["scheduled_start"].startswith(page_instant(page, "2031-06-10", "10:00")[:16])
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "estimate-page.png"), full_page=True)

    # The customers service learns of the scheduled job from its event: the lead becomes active.
    eventually(lambda: demo.get(f"/customers/{customer['id']}")["status"] == "active")
    page.get_by_role("link", name="← Esme Estimatepage").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/estimates$"))
    row = open_table(page, f"/customers/{customer['id']}/jobs", "Jobs").get_by_role("row").filter(
        has_text="Heat pump install")
    expect(row).to_contain_text("scheduled")
    expect(row).to_contain_text("Jun 10, 2031")
    expect(page.get_by_role("button", name="Lead status: active. Change")).to_be_visible()
    row.get_by_role("link", name=job["number"]).click()
    expect(page).to_have_url(re.compile(f"/jobs/{job['id']}$"))
    page.get_by_role("link", name="Open the estimate").click()
    expect(page).to_have_url(re.compile(f"/estimates/{estimate['id']}$"))


def test_decline_asks_first_and_then_the_estimate_is_declined(page, demo):
    customer = new_customer(demo, "Dora Declines")
    estimate = new_estimate(demo, customer, "New furnace", send=True)
    page.goto(f"/estimates/{estimate['id']}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF").click()
    assert download.value.suggested_filename == f"{estimate['number']}.pdf"
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    page.get_by_role("button", name="Decline").click()
    dialog = page.get_by_role("dialog", name=f"Decline {estimate['number']}?")
    expect(dialog).to_contain_text("cannot be approved later")
    assert checked(page) == []
    dialog.get_by_role("button", name="Not now").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert demo.get(f"/estimates/{estimate['id']}")["status"] == "sent"

    page.get_by_role("button", name="Decline").click()
    page.get_by_role("dialog").get_by_role("button", name="Decline estimate").click()
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.get_by_text("declined", exact=True)).to_be_visible()
    held = demo.get(f"/estimates/{estimate['id']}")
    assert held["status"] == "declined" and held["job_id"] is None


def test_approved_without_a_job_then_converted_into_a_draft_job(page, demo):
    customer = new_customer(demo, "Cyrus Convert")
    estimate = new_estimate(demo, customer, "Water softener", send=True)
    page.goto(f"/estimates/{estimate['id']}")
    page.get_by_role("button", name="Approve").click()
    form = page.get_by_role("form", name="Approve the estimate")
    form.get_by_label("Create the job now").uncheck()
    expect(form.get_by_label("Job day (optional)")).to_have_count(0)
    form.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("button", name="Convert to job")).to_be_visible()
    assert demo.get(f"/estimates/{estimate['id']}")["job_id"] is None

    page.get_by_role("button", name="Convert to job").click()
    convert = page.get_by_role("form", name="Convert to a job")
    assert checked(page) == []
    convert.get_by_role("button", name="Create job").click()
    page.get_by_role("link", name="Open the job", exact=True).click()
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}$"))
    job = demo.get(f"/jobs/{page.url.rsplit('/', 1)[1]}")
    assert job["status"] == "draft" and job["estimate_id"] == estimate["id"]
    assert demo.get(f"/estimates/{estimate['id']}")["job_id"] == job["id"]
    expect(page.get_by_role("button", name="Schedule", exact=True)).to_be_visible()
