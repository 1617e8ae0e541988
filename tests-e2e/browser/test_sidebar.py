"""The sidebar: contacts, properties and equipment added, edited and removed in the page, then read from the API."""
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def test_contacts_properties_and_equipment_are_kept_from_the_sidebar(page, demo):
    customer = demo.customers()[4]
    page.goto(f"/customers/{customer['id']}")
    expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()
    contacts = page.get_by_role("region", name="Contacts")

    contacts.get_by_role("button", name="Add contact").click()
    form = page.get_by_role("form", name="Add contact")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_text("Enter the contact's name.")).to_be_visible()
    assert accessibility_problems(page) == []
    form.get_by_label("Name").fill("Pat Tenant")
    form.get_by_label("Role").fill("tenant")
    form.get_by_label("Phones").fill("(555) 010-4477")
    form.get_by_label("Phones").press("Enter")
    form.get_by_role("button", name="Save").click()
    expect(contacts.get_by_text("Pat Tenant")).to_be_visible()
    contacts.get_by_role("button", name="Make primary: Pat Tenant").click()
    expect(contacts.get_by_role("button", name="Make primary: Pat Tenant")).to_have_count(0)
    [pat] = [c for c in demo.get(f"/customers/{customer['id']}")["contacts"] if c["name"] == "Pat Tenant"]
    assert pat["is_primary"] and pat["role"] == "tenant" and pat["phones"][0]["number"] == "(555) 010-4477"

    properties = page.get_by_role("region", name="Properties")
    properties.get_by_role("button", name="Add property").click()
    form = page.get_by_role("form", name="Add property")
    form.get_by_label("Address line 1").fill("88 Orchard Lane")
    form.get_by_label("City").fill("Boise")
    form.get_by_label("State / region").fill("ID")
    form.get_by_label("Postal code").fill("83702")
    form.get_by_label("Access notes").fill("Key under the mat")
    form.get_by_role("button", name="Save").click()
    expect(properties.get_by_text("88 Orchard Lane, Boise, ID, 83702")).to_be_visible()
    [orchard] = [p for p in demo.get(f"/customers/{customer['id']}")["properties"] if p["line1"] == "88 Orchard Lane"]
    assert orchard["access_notes"] == "Key under the mat" and not orchard["is_primary"]

    properties.get_by_role("button", name="Add equipment at 88 Orchard Lane").click()
    form = page.get_by_role("form", name="Add equipment")
    form.get_by_role("combobox", name="Kind").click()
    page.get_by_role("option", name="water heater").click()
    form.get_by_label("Make").fill("Rheem")
    form.get_by_label("Serial").fill("RH-2020-77")
    form.get_by_role("button", name="Save").click()
    expect(properties.get_by_text("SN RH-2020-77")).to_be_visible()
    [heater] = next(p for p in demo.get(f"/customers/{customer['id']}")["properties"] if p["id"] == orchard["id"])["equipment"]
    assert heater["kind"] == "water_heater" and heater["make"] == "Rheem" and heater["serial"] == "RH-2020-77"

    properties.get_by_role("table", name="Equipment at 88 Orchard Lane").get_by_role("button", name="Remove water heater").click()
    expect(properties.get_by_text("SN RH-2020-77")).to_have_count(0)
    assert next(p for p in demo.get(f"/customers/{customer['id']}")["properties"] if p["id"] == orchard["id"])["equipment"] == []
