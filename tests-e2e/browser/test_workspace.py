"""The customer workspace: the header's changes, notes and activity, each checked against the API afterwards."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def open_workspace(page, demo):
    """The demo customer with the longest timeline, opened from the list as a user would."""
    customer = max(demo.customers(), key=lambda c: len(demo.get(f"/customers/{c['id']}/timeline?limit=100")["items"]))
    page.get_by_label("Search", exact=True).fill(customer["number"])
    page.get_by_role("table", name="Customers").get_by_role("link", name=customer["display_name"], exact=True).click()
    expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()
    expect(page.get_by_role("tab", name="Overview")).to_have_attribute("aria-selected", "true")
    return customer


def test_the_workspace_shows_the_customer_and_changes_status_tags_and_follow_up(page, demo, screenshots):
    customer = open_workspace(page, demo)
    expect(page.get_by_text(customer["number"], exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Contacts")).to_be_visible()
    expect(page.get_by_role("region", name="Properties")).to_be_visible()
    expect(page.get_by_role("region", name="Insights")).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "workspace.png"), full_page=True)

    # Lead status: change it from the badge, then its history lists the change.
    target = "inactive" if customer["status"] != "inactive" else "active"
    page.get_by_role("button", name=f"Lead status: {customer['status']}. Change").click()
    page.get_by_role("menuitem", name=target).click()
    expect(page.get_by_role("button", name=f"Lead status: {target}. Change")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}")["status"] == target
    page.get_by_role("button", name="History", exact=True).click()
    expect(page.get_by_role("dialog", name="History").get_by_text(target, exact=True).first).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}/status")["items"][0]["to"] == target
    page.keyboard.press("Escape")

    # Tags: added and removed inline.
    page.get_by_label("Add tag").fill("gate-code")
    page.get_by_label("Add tag").press("Enter")
    expect(page.get_by_role("button", name="Remove tag gate-code")).to_be_visible()
    assert "gate-code" in demo.get(f"/customers/{customer['id']}")["tags"]
    page.get_by_role("button", name="Remove tag gate-code").click()
    expect(page.get_by_role("button", name="Remove tag gate-code")).to_have_count(0)
    assert "gate-code" not in demo.get(f"/customers/{customer['id']}")["tags"]

    # Follow-up: set from the date picker, then cleared.
    page.get_by_role("button", name="Set").click()
    page.locator("table.mantine-DatePicker-month button:not([data-outside])").filter(has_text="15").first.click()
    expect(page.get_by_role("button", name="Clear")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}")["next_follow_up_at"][8:10] == "15"
    page.get_by_role("button", name="Clear").click()
    expect(page.get_by_role("button", name="Set")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}")["next_follow_up_at"] is None


def test_notes_are_added_edited_and_pinned(page, demo, screenshots):
    customer = open_workspace(page, demo)
    page.get_by_role("tab", name="Notes").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/notes$"))
    form = page.get_by_role("form", name="Add note")
    form.get_by_role("button", name="Add note").click()
    expect(form.get_by_text("Write the note first.")).to_be_visible()
    assert accessibility_problems(page) == []

    form.get_by_label("Note").fill("Side gate code is 4821.")
    form.get_by_role("button", name="Add note").click()
    note = page.get_by_role("article", name="Note", exact=True).filter(has_text="Side gate code is 4821.")
    expect(note).to_be_visible()
    [saved] = [n for n in demo.get(f"/customers/{customer['id']}/notes?limit=100")["items"] if n["body"] == "Side gate code is 4821."]
    assert not saved["pinned"]

    note.get_by_role("button", name="Pin").click()
    expect(page.get_by_role("article", name="Pinned note").filter(has_text="Side gate code is 4821.")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}/notes?limit=100")["items"][0]["id"] == saved["id"]

    page.get_by_role("article", name="Pinned note").filter(has_text="Side gate code is 4821.").get_by_role("button", name="Edit").click()
    editor = page.get_by_role("form", name="Save note")
    editor.get_by_label("Note").fill("Side gate code is 4822.")
    editor.get_by_role("button", name="Save note").click()
    expect(page.get_by_role("article", name="Pinned note").filter(has_text="Side gate code is 4822.")).to_be_visible()
    edited = next(n for n in demo.get(f"/customers/{customer['id']}/notes?limit=100")["items"] if n["id"] == saved["id"])
    assert edited["body"] == "Side gate code is 4822." and edited["pinned"]
    page.screenshot(path=str(screenshots / "workspace-notes.png"), full_page=True)


def test_the_activity_tab_loads_the_timeline_page_by_page(page, demo):
    customer = open_workspace(page, demo)
    page.get_by_role("tab", name="Activity").click()
    items = page.get_by_label("Activity").locator(".mantine-Timeline-item")
    first = demo.get(f"/customers/{customer['id']}/timeline?limit=25")
    expect(items).to_have_count(len(first["items"]))
    assert accessibility_problems(page) == []
    if first["next_cursor"]:
        page.get_by_role("button", name="Load more").click()
        whole = demo.get(f"/customers/{customer['id']}/timeline?limit=50")["items"]
        expect(items).to_have_count(min(len(whole), 50))


def test_archive_from_the_actions_menu_then_unarchive_from_the_banner(page, demo):
    customer = open_workspace(page, demo)
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Archive").click()
    expect(page.get_by_text("This customer is archived")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}")["archived"] is True
    page.get_by_role("button", name="Unarchive").click()
    expect(page.get_by_text("This customer is archived")).to_have_count(0)
    assert demo.get(f"/customers/{customer['id']}")["archived"] is False


def test_edit_shows_the_do_not_service_banner(page, demo):
    customer = open_workspace(page, demo)
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Edit").click()
    form = page.get_by_role("form", name="Edit customer")
    form.get_by_label("Do not service").check()
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_text("Say why, for whoever opens this customer next.")).to_be_visible()
    assert accessibility_problems(page) == []
    form.get_by_label("Why not").fill("Threatened a technician.")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Threatened a technician.")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}")["do_not_service"] == {"flag": True, "reason": "Threatened a technician."}
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Edit").click()
    page.get_by_role("form", name="Edit customer").get_by_label("Do not service").uncheck()
    page.get_by_role("form", name="Edit customer").get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Threatened a technician.")).to_have_count(0)
    assert demo.get(f"/customers/{customer['id']}")["do_not_service"]["flag"] is False


def test_a_tab_pages_past_the_workspaces_first_page(page, demo):
    customer = demo.customers()[-1]
    for n in range(14):
        logged = demo.session.post(f"{demo.base}/api/communications", timeout=15, json={
            "customer_id": customer["id"], "channel": "call", "direction": "inbound", "status": "completed",
            "body": f"Paging call {n}", "duration_seconds": 60})
        assert logged.status_code == 201, logged.text
    everything = demo.get(f"/customers/{customer['id']}/communications?limit=100")["items"]
    page.goto(f"/customers/{customer['id']}/communication")
    rows = page.get_by_role("feed", name="Communications").get_by_role("article")
    expect(rows).to_have_count(10)
    page.get_by_role("button", name="Load more").click()
    expect(rows).to_have_count(min(len(everything), 35))


def test_the_balance_opens_the_billing_history_and_the_card_on_file_shows(page, demo):
    customer = next(c for c in demo.customers() if demo.get(f"/customers/{c['id']}/ledger?limit=100")["items"])
    ledger = demo.get(f"/customers/{customer['id']}/ledger?limit=50")["items"]
    page.goto(f"/customers/{customer['id']}")
    figures = page.get_by_label("Figures")
    card = demo.session.get(f"{demo.base}/api/customers/{customer['id']}/card", timeout=10)
    expect(figures).to_contain_text(f"·{card.json()['last4']}" if card.status_code == 200 else "Card on fileNone")
    figures.get_by_role("button", name="Balance").click()
    history = page.get_by_role("table", name="Billing history")
    expect(history.locator("tbody tr")).to_have_count(len(ledger))
    expect(history).to_contain_text(ledger[0]["description"])
    assert accessibility_problems(page) == []


def test_a_note_linked_to_a_call_shows_the_call_beside_it(page, demo):
    def a_call(customer):
        calls = demo.get(f"/customers/{customer['id']}/communications?channel=call&limit=50")["items"]
        return calls[0] if calls else None
    customer, call = next((c, call) for c in demo.customers() if (call := a_call(c)))
    page.goto(f"/customers/{customer['id']}/notes")
    form = page.get_by_role("form", name="Add note")
    form.get_by_label("Note").fill("Asked for a callback next week.")
    form.get_by_role("combobox", name="Linked call").click()
    page.get_by_role("option").first.click()
    form.get_by_role("button", name="Add note").click()
    note = page.get_by_role("article", name="Note", exact=True).filter(has_text="Asked for a callback next week.")
    expect(note.get_by_label("Linked call")).to_be_visible()
    [saved] = [n for n in demo.get(f"/customers/{customer['id']}/notes?limit=100")["items"]
               if n["body"] == "Asked for a callback next week."]
    assert saved["communication_id"] == call["id"]


def test_the_photos_tab_shows_the_jobs_photos(page, demo):
    import io

    from PIL import Image

    customer, job = next((c, jobs[0]) for c in demo.customers()
                         if (jobs := demo.get(f"/customers/{c['id']}/jobs?limit=5")["items"]))
    picture = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(picture, "PNG")
    uploaded = demo.session.post(f"{demo.base}/api/jobs/{job['id']}/photos", timeout=15, data={"caption": "Rusted flue pipe"},
                                 files={"file": ("flue.png", picture.getvalue(), "image/png")})
    assert uploaded.status_code == 201, uploaded.text
    page.goto(f"/customers/{customer['id']}/photos")
    image = page.get_by_role("img", name="Rusted flue pipe")
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth > 0", image.element_handle())
    assert "Rusted flue pipe" in [p["caption"] for p in demo.get(f"/customers/{customer['id']}/photos")["items"]]
