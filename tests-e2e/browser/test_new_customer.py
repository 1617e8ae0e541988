"""New customer: field errors from the browser and from the server's 422, duplicates offered, then saved."""
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def test_new_customer_shows_field_errors_offers_duplicates_then_saves(page, demo, screenshots):
    existing = next(c for c in demo.customers() if c.get("primary_phone"))
    page.get_by_role("button", name="New customer").click()
    form = page.get_by_role("form", name="New customer")
    expect(form).to_be_visible()
    assert accessibility_problems(page) == []

    # Nothing named: the form says so under the field, and nothing is sent.
    form.get_by_role("button", name="Create customer").click()
    expect(form.get_by_text("Enter a name or a company.")).to_be_visible()

    # A phone the service refuses: its 422 message appears under that phone.
    form.get_by_label("Name", exact=True).fill("Grace Hopper")
    form.get_by_label("Contact name").fill("Grace Hopper")
    form.get_by_label("Phone 1", exact=True).fill("12")
    form.get_by_label("Email 1").fill("grace.hopper@example.com")
    form.get_by_role("button", name="Create customer").click()
    phone = form.get_by_label("Phone 1", exact=True)
    expect(phone).to_have_attribute("aria-invalid", "true")
    assert "Length must be between 3 and 40" in page.locator(f"#{phone.get_attribute('aria-describedby').split()[0]}").inner_text()
    page.screenshot(path=str(screenshots / "new-customer-422.png"))
    assert not demo.customers(q="Grace Hopper")

    # The phone of a customer who exists: offered as a possible duplicate before anything is saved.
    phone.fill(existing["primary_phone"]["number"])
    form.get_by_label("Address line 1").fill("12 Harbor Road")
    form.get_by_label("City").fill("Arlington")
    form.get_by_label("State / region").fill("VA")
    form.get_by_label("Postal code").fill("22201")
    form.get_by_role("button", name="Create customer").click()
    expect(form.get_by_text("This customer may already exist")).to_be_visible()
    expect(form.get_by_role("link", name=f"{existing['display_name']} ({existing['number']})")).to_be_visible()
    assert accessibility_problems(page) == []
    assert not demo.customers(q="Grace Hopper")

    form.get_by_role("button", name="Create anyway").click()
    expect(page.get_by_role("heading", name="Grace Hopper", level=1)).to_be_visible()
    customer_id = page.url.rstrip("/").split("/customers/")[1].split("/")[0]
    saved = demo.get(f"/customers/{customer_id}")
    assert saved["display_name"] == "Grace Hopper"
    assert saved["contacts"][0]["emails"] == ["grace.hopper@example.com"]
    assert saved["properties"][0]["line1"] == "12 Harbor Road" and saved["properties"][0]["is_primary"]
