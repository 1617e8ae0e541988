"""The Photos tab: the customer's own uploads (from the client portal) and their jobs' photos together, filtered
by job, uploaded by picker and by drop, opened full size and deleted after asking; each checked on the page and
then in what the API holds. axe-core reads the tab, the full view and the confirmation."""
import io

import requests
from PIL import Image
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from chassis.auth import mint_token


def png(colour, size=(400, 300)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def post(demo, path, **kwargs):
    response = demo.session.post(f"{demo.base}/api{path}", timeout=15, **kwargs)
    assert response.status_code == 201, response.text
    return response.json()


def portal_upload(system, demo, customer_id, name, caption):
    """A photo as the client portal sends it: the gateway acts for the visitor under a portal subject."""
    token = mint_token(system.jwt_secret, sub=f"portal:{customer_id}", account_id=demo.account_id,
                       perms=["jobs:view", "jobs:edit"])
    response = requests.post(f"{demo.base}/api/customers/{customer_id}/photos", timeout=15,
                             headers={"Authorization": f"Bearer {token}"},
                             files={"file": (name, png((30, 160, 60)), "image/png")}, data={"caption": caption})
    assert response.status_code == 201, response.text
    return response.json()


def photo_names(demo, path):
    return [p["filename"] for p in demo.get(path)["items"]]


def test_uploads_and_job_photos_together_filtered_opened_and_deleted(page, demo, system, screenshots):
    customer = post(demo, "/customers", json={"display_name": "Phoebe Photos", "properties": [
        {"line1": "3 Lantern Way", "city": "Springfield", "region": "IL", "postal_code": "62704"}]})
    roof = post(demo, "/jobs", json={"customer_id": customer["id"], "title": "Roof leak"})
    fence = post(demo, "/jobs", json={"customer_id": customer["id"], "title": "Fence gate"})
    portal_upload(system, demo, customer["id"], "from-home.png", "Water stain in the attic")
    page.goto(f"/customers/{customer['id']}/photos")
    tab = page.get_by_role("tabpanel", name="Photos")
    grid = tab.get_by_role("list", name="Photos")
    expect(grid.get_by_role("listitem")).to_have_count(1)
    expect(grid.get_by_role("listitem").first).to_contain_text("From the customer")

    # By the picker, onto the roof job.
    tab.get_by_role("combobox", name="File under").click()
    page.get_by_role("option", name=f"{roof['number']} · Roof leak").click()
    with page.expect_file_chooser() as chooser:
        tab.get_by_role("button", name="Choose photos").click()
    chooser.value.set_files([{"name": "roof-before.png", "mimeType": "image/png", "buffer": png((200, 40, 40))}])
    expect(tab.get_by_role("status")).to_contain_text("1 photo uploaded.")
    expect(grid.get_by_role("img", name="roof-before.png")).to_be_visible()

    # Dropped from the desktop, onto the customer (no job), with a caption.
    tab.get_by_role("combobox", name="File under").click()
    page.get_by_role("option", name="The customer (no job)").click()
    tab.get_by_label("Caption").fill("Front of the house")
    transfer = page.evaluate_handle("""(bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'front.png', {type: 'image/png'}));
        return transfer;
    }""", list(png((40, 40, 200))))
    drop = tab.get_by_role("region", name="Drop photos here")
    drop.dispatch_event("dragover", {"dataTransfer": transfer})
    drop.dispatch_event("drop", {"dataTransfer": transfer})
    expect(grid.get_by_role("listitem")).to_have_count(3)
    expect(grid.get_by_role("img", name="Front of the house")).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "photos-tab.png"), full_page=True)

    held = demo.get(f"/customers/{customer['id']}/photos")["items"]
    assert [(p["filename"], p["job_id"], p["caption"]) for p in held] == [
        ("front.png", None, "Front of the house"), ("roof-before.png", roof["id"], None),
        ("from-home.png", None, "Water stain in the attic")]
    assert photo_names(demo, f"/jobs/{roof['id']}/photos") == ["roof-before.png"]

    # One job's photos only; a job without any says so.
    tab.get_by_role("combobox", name="Show photos of").click()
    page.get_by_role("option", name=f"{roof['number']} · Roof leak").click()
    expect(grid.get_by_role("listitem")).to_have_count(1)
    expect(grid.get_by_role("img", name="roof-before.png")).to_be_visible()
    tab.get_by_role("combobox", name="Show photos of").click()
    page.get_by_role("option", name=f"{fence['number']} · Fence gate").click()
    expect(tab.get_by_text("No photos of this job yet.")).to_be_visible()
    tab.get_by_role("combobox", name="Show photos of").click()
    page.get_by_role("option", name="All jobs and the customer").click()
    expect(grid.get_by_role("listitem")).to_have_count(3)

    # Full view, then delete from it after asking.
    grid.get_by_role("button", name="Open roof-before.png").click()
    full = page.get_by_role("dialog", name="roof-before.png")
    expect(full.get_by_role("img", name="roof-before.png")).to_be_visible()
    expect(full).to_contain_text("400 × 300")
    expect(full).to_contain_text(f"{roof['number']} Roof leak")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "photo-full-view.png"))
    full.get_by_role("button", name="Delete photo").click()
    confirm = page.get_by_role("dialog", name="Delete this photo?")
    expect(confirm).to_contain_text("removed for good")
    assert accessibility_problems(page) == []
    confirm.get_by_role("button", name="Keep it").click()
    assert "roof-before.png" in photo_names(demo, f"/customers/{customer['id']}/photos")
    full.get_by_role("button", name="Delete photo").click()
    page.get_by_role("dialog", name="Delete this photo?").get_by_role("button", name="Delete photo").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(grid.get_by_role("listitem")).to_have_count(2)
    expect(grid.get_by_role("img", name="roof-before.png")).to_have_count(0)
    assert photo_names(demo, f"/customers/{customer['id']}/photos") == ["front.png", "from-home.png"]
    assert photo_names(demo, f"/jobs/{roof['id']}/photos") == []

    # Deleting from the grid works the same way.
    grid.get_by_role("button", name="Delete Front of the house").click()
    page.get_by_role("dialog", name="Delete this photo?").get_by_role("button", name="Delete photo").click()
    expect(grid.get_by_role("listitem")).to_have_count(1)
    assert photo_names(demo, f"/customers/{customer['id']}/photos") == ["from-home.png"]


def test_a_file_that_is_not_a_photo_is_refused_with_the_reason(page, demo):
    customer = post(demo, "/customers", json={"display_name": "Rex Refused"})
    page.goto(f"/customers/{customer['id']}/photos")
    tab = page.get_by_role("tabpanel", name="Photos")
    with page.expect_file_chooser() as chooser:
        tab.get_by_role("button", name="Choose photos").click()
    chooser.value.set_files([{"name": "notes.png", "mimeType": "image/png", "buffer": b"%PDF-1.4 not a photo"}])
    expect(tab.get_by_role("alert")).to_contain_text("notes.png")
    expect(tab.get_by_text("No photos yet.")).to_be_visible()
    assert demo.get(f"/customers/{customer['id']}/photos")["items"] == []
