"""The job page: opened from the Jobs tab, scheduled with a window and a crew, a visit added, completed on the day it
really was, noted, photographed (picker and drag and drop) and offered its invoice; each checked on the page and
then in what the API holds."""
import datetime as dt
import io
import re

from PIL import Image
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


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


def fact(page, label):
    return page.get_by_role("region", name="Details").get_by_label(label, exact=True)


def new_customer(demo, name):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "properties": [{"line1": "31 Ridge Road", "city": "Springfield", "region": "IL",
                                              "postal_code": "62704"}]})
    assert created.status_code == 201, created.text
    return created.json()


def new_job(demo, customer, title):
    made = demo.session.post(f"{demo.base}/api/jobs", timeout=15, json={
        "customer_id": customer["id"], "title": title, "property_id": customer["properties"][0]["id"],
        "line_items": [{"description": "Labour", "quantity": 2, "unit_price_cents": 9550},
                       {"description": "Capacitor", "quantity": 1, "unit_price_cents": 4299}]})
    assert made.status_code == 201, made.text
    return made.json()


def page_instant(page, day, time):
    """The instant the page means by a wall-clock day and time, in the browser's own time zone."""
    return page.evaluate(f"new Date('{day}T{time}:00').toISOString()")


def png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(out, format="PNG")
    return out.getvalue()


def test_schedule_assign_visit_and_complete_a_job_on_its_page(page, demo, screenshots):
    customer = new_customer(demo, "Jonah Jobpage")
    job = new_job(demo, customer, "AC not cooling")
    technicians = demo.get("/technicians?active=true")["items"]
    open_table(page, f"/customers/{customer['id']}/jobs", "Jobs").get_by_role("link", name=job["number"]).click()
    expect(page).to_have_url(re.compile(f"/jobs/{job['id']}$"))
    expect(page.get_by_role("heading", name=f"Job {job['number']}")).to_be_visible()
    expect(page.get_by_role("table", name="Line items")).to_contain_text("Capacitor")
    expect(page.get_by_role("table", name="Line items").get_by_label("Total")).to_have_text("$233.99")
    expect(fact(page, "Schedule")).to_have_text("Not scheduled")
    expect(page.get_by_role("link", name="← Jonah Jobpage")).to_be_visible()
    assert checked(page) == []

    page.get_by_role("button", name="Schedule", exact=True).click()
    form = page.get_by_role("form", name="Schedule")
    form.get_by_role("button", name="Schedule").click()
    expect(form.get_by_text("Pick the day.")).to_be_visible()
    form.get_by_label("Day").fill("2031-05-06")
    form.get_by_label("From").fill("13:30")
    form.get_by_label("To").fill("15:00")
    form.get_by_label("Technicians").click()
    page.get_by_role("option", name=technicians[0]["name"]).click()
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_have_count(0)
    assert checked(page) == []
    form.get_by_role("button", name="Schedule").click()

    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(fact(page, "Schedule")).to_have_text("Tue, May 6, 2031 · 1:30 PM – 3:00 PM")
    expect(fact(page, "Technicians")).to_have_text(technicians[0]["name"])
    held = demo.get(f"/jobs/{job['id']}")
    assert held["status"] == "scheduled" and held["technician_ids"] == [technicians[0]["id"]]
    assert held["scheduled_start"].startswith(page_instant(page, "2031-05-06", "13:30")[:16])
    assert held["scheduled_end"].startswith(page_instant(page, "2031-05-06", "15:00")[:16])

    page.get_by_role("button", name="Assign technicians").click()
    assign = page.get_by_role("form", name="Assign technicians")
    assign.get_by_label("Technicians").click()
    page.get_by_role("option", name=technicians[1]["name"]).click()
    page.keyboard.press("Escape")
    assign.get_by_role("button", name="Save").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(fact(page, "Technicians")).to_have_text(f"{technicians[0]['name']}, {technicians[1]['name']}")
    assert demo.get(f"/jobs/{job['id']}")["technician_ids"] == [technicians[0]["id"], technicians[1]["id"]]

    page.get_by_role("button", name="Add visit").click()
    visit = page.get_by_role("form", name="Add a visit")
    visit.get_by_label("Day").fill("2031-05-08")
    visit.get_by_label("Visit notes").fill("Bring the refrigerant")
    assert checked(page) == []
    visit.get_by_role("button", name="Add visit").click()
    expect(page.get_by_role("table", name="Visits")).to_contain_text("Bring the refrigerant")
    [held_visit] = demo.get(f"/jobs/{job['id']}/visits")["items"]
    assert held_visit["status"] == "scheduled" and held_visit["notes"] == "Bring the refrigerant"

    # Done on site two days ago, recorded today: the job carries the day it was really done.
    done_day = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    page.get_by_role("button", name="Complete", exact=True).click()
    complete = page.get_by_role("form", name="Complete the job")
    complete.get_by_label("Completed on").fill(done_day)
    complete.get_by_label("At").fill("16:45")
    assert checked(page) == []
    complete.get_by_role("button", name="Mark completed").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("group", name="Job actions").get_by_role("button")).to_have_count(0)
    expect(page.get_by_role("button", name=f"Create invoice for {job['number']}")).to_be_visible()
    held = demo.get(f"/jobs/{job['id']}")
    assert held["status"] == "completed"
    assert held["completed_at"].startswith(page_instant(page, done_day, "16:45")[:16])

    page.get_by_label("Internal notes").fill("Customer asked for a filter reminder in spring.")
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_text("Notes saved.")).to_be_visible()
    assert demo.get(f"/jobs/{job['id']}")["notes"] == "Customer asked for a filter reminder in spring."
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "job-page.png"), full_page=True)

    page.get_by_role("button", name=f"Create invoice for {job['number']}").click()
    page.get_by_role("form", name="New invoice").get_by_role("button", name="Create invoice").click()
    expect(page).to_have_url(re.compile(r"/invoices/[0-9a-f-]{36}$"))
    invoice_id = page.url.rsplit("/", 1)[1]
    assert demo.get(f"/invoices/{invoice_id}")["job_id"] == job["id"]
    page.go_back()
    invoice_link = page.get_by_role("region", name="Invoice").get_by_role("link")
    expect(invoice_link).to_have_attribute("href", f"/invoices/{invoice_id}")


def test_photos_by_picker_and_by_drop_show_as_thumbnails_and_open_full_size(page, demo, screenshots):
    customer = new_customer(demo, "Petra Photojob")
    job = new_job(demo, customer, "Leaking skylight")
    page.goto(f"/jobs/{job['id']}")
    expect(page.get_by_text("No photos yet.")).to_be_visible()

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose photos").click()
    chooser.value.set_files([{"name": "skylight-before.png", "mimeType": "image/png", "buffer": png((200, 40, 40))}])
    expect(page.get_by_role("list", name="Job photos").get_by_role("img", name="skylight-before.png")).to_be_visible()

    # A file dropped on the area, as the browser hands it over from the desktop.
    drop = page.get_by_role("region", name="Drop photos here")
    data = list(png((40, 40, 200)))
    transfer = page.evaluate_handle("""(bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'skylight-after.png', {type: 'image/png'}));
        return transfer;
    }""", data)
    drop.dispatch_event("dragover", {"dataTransfer": transfer})
    drop.dispatch_event("drop", {"dataTransfer": transfer})
    photos = page.get_by_role("list", name="Job photos").get_by_role("listitem")
    expect(photos).to_have_count(2)
    expect(photos.first.get_by_role("img", name="skylight-after.png")).to_be_visible()
    assert checked(page) == []

    page.get_by_role("button", name="Open skylight-before.png").click()
    full = page.get_by_role("dialog", name="skylight-before.png")
    expect(full.get_by_role("img", name="skylight-before.png")).to_be_visible()
    expect(full).to_contain_text("400 × 300")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "job-photo.png"))
    full.get_by_role("button", name="Close").click()

    held = demo.get(f"/jobs/{job['id']}/photos")["items"]
    assert [p["filename"] for p in held] == ["skylight-after.png", "skylight-before.png"]
    assert all(p["job_id"] == job["id"] for p in held)


def test_cancel_asks_first_and_keeps_the_job_until_confirmed(page, demo):
    customer = new_customer(demo, "Carl Cancelpage")
    job = new_job(demo, customer, "Duct cleaning")
    page.goto(f"/jobs/{job['id']}")
    page.get_by_role("button", name="Cancel job").click()
    dialog = page.get_by_role("dialog", name=f"Cancel {job['number']}?")
    expect(dialog).to_contain_text("cannot be scheduled again")
    assert checked(page) == []
    dialog.get_by_role("button", name="Not now").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert demo.get(f"/jobs/{job['id']}")["status"] == "draft"
    page.get_by_role("group", name="Job actions").get_by_role("button", name="Cancel job").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel job").click()
    expect(page.get_by_text("Cancelled: nothing to invoice.")).to_be_visible()
    assert demo.get(f"/jobs/{job['id']}")["status"] == "cancelled"


def test_an_upcoming_job_on_the_overview_opens_its_page(page, demo):
    customer = new_customer(demo, "Uma Upcoming")
    made = demo.session.post(f"{demo.base}/api/jobs", timeout=15, json={
        "customer_id": customer["id"], "title": "Boiler service", "scheduled_start": "2031-09-01T14:00:00Z"})
    assert made.status_code == 201, made.text
    for _ in range(4):
        page.goto(f"/customers/{customer['id']}")
        upcoming = page.get_by_role("table", name="Upcoming")
        expect(upcoming.or_(page.get_by_text("Recent activity is unavailable right now"))).to_be_visible()
        if upcoming.is_visible():
            break
    upcoming.get_by_role("link", name="Boiler service").click()
    expect(page).to_have_url(re.compile(f"/jobs/{made.json()['id']}$"))
    expect(page.get_by_role("heading", name=f"Job {made.json()['number']}")).to_be_visible()
