"""The Overview tab (contacts, addresses with a map link, recent activity) and the More menu's tabs."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def test_overview_and_the_more_tabs(page, demo, screenshots):
    customer = next(c for c in demo.customers()
                    if any(p["equipment"] for p in demo.get(f"/customers/{c['id']}")["properties"]))
    profile = demo.get(f"/customers/{customer['id']}")
    recent = demo.get(f"/customers/{customer['id']}/recent-activity")
    page.goto(f"/customers/{customer['id']}")
    panel = page.get_by_role("tabpanel", name="Overview")
    contacts = panel.get_by_role("region", name="Contact details")
    for contact in profile["contacts"]:
        expect(contacts.get_by_text(contact["name"])).to_be_visible()
    addresses = panel.get_by_role("region", name="Addresses")
    for prop in profile["properties"]:
        # Without a Google Maps key nothing is geocoded: each address links to a maps site instead of a map.
        link = addresses.get_by_role("link", name=f"Find {prop['line1']} on a map")
        expect(link).to_have_attribute("href", re.compile("openstreetmap.org/search"))
    upcoming = recent["upcoming"]
    if upcoming:
        expect(panel.get_by_role("table", name="Upcoming")).to_contain_text(upcoming[0]["title"])
    else:
        expect(panel.get_by_text("Nothing scheduled.")).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)

    page.get_by_role("button", name="More tabs").click()
    page.get_by_role("menuitem", name="Equipment").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/equipment$"))
    expect(page.get_by_role("tab", name="Equipment")).to_have_attribute("aria-selected", "true")
    equipment = [e for p in profile["properties"] for e in p["equipment"]]
    expect(page.get_by_role("table", name="Equipment", exact=True).get_by_role("row")).to_have_count(len(equipment) + 1)
    expect(page.get_by_role("menu")).to_have_count(0)
    assert accessibility_problems(page) == []

    page.get_by_role("button", name="More tabs").click()
    page.get_by_role("menuitem", name="Archived data").click()
    # A customer made in Fieldwork has no imported columns: the tab says so instead of showing sample rows.
    expect(page.get_by_role("tabpanel", name="Archived data")).to_contain_text("No archived or imported records")
