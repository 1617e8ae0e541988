"""Delete a customer from the Actions menu: the name typed confirms it, the page then shows the pseudonym, the money
stays; a user without customers:delete is not offered it."""
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from fieldwork_contracts.permissions import ALL_PERMISSIONS
from chassis.auth import mint_token
from polling import eventually


def test_delete_a_customer_after_typing_their_name(page, demo, screenshots):
    customer = next(c for c in demo.customers() if demo.get(f"/customers/{c['id']}/invoices")["items"])
    name, summary = customer["display_name"], demo.get(f"/customers/{customer['id']}/billing-summary")
    pseudonym = f"Erased customer {customer['number']}"

    page.goto(f"/customers/{customer['id']}")
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Delete customer…").click()
    dialog = page.get_by_role("dialog", name="Delete customer")
    delete = dialog.get_by_role("button", name="Delete customer")
    field = dialog.get_by_label(f"Type the customer's name ({name}) to confirm")
    field.fill(name[:-1])
    expect(delete).to_be_disabled()
    field.fill(name.upper())
    expect(delete).to_be_enabled()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "erase-customer.png"))
    delete.click()

    expect(page.get_by_text(f"Personal data erased: the customer is now {pseudonym}.")).to_be_visible()
    expect(page.get_by_role("heading", name=pseudonym)).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "erased-customer.png"))
    page.get_by_role("button", name="Actions").click()
    expect(page.get_by_role("menuitem", name="Delete customer…")).to_have_count(0)

    profile = demo.get(f"/customers/{customer['id']}")
    assert (profile["display_name"], profile["contacts"], profile["properties"]) == (pseudonym, [], [])
    eventually(lambda: demo.get(f"/customers/{customer['id']}/billing-summary") == summary or None, seconds=30)
    assert [e["customer_id"] for e in demo.get("/erasures")["items"]] == [customer["id"]]


def test_without_customers_delete_the_action_is_not_offered(chromium, demo, system):
    perms = [p for p in ALL_PERMISSIONS if p != "customers:delete"]
    token = mint_token(system.jwt_secret, sub="clerk@example.com", account_id=demo.account_id, perms=perms)
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, base_url=demo.base)
    page = context.new_page()
    customer = demo.customers()[0]
    page.goto(f"/customers?token={token}")
    page.get_by_role("table", name="Customers").wait_for()
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="Actions").click()
    expect(page.get_by_role("menuitem", name="Archive")).to_be_visible()
    expect(page.get_by_role("menuitem", name="Delete customer…")).to_have_count(0)
    context.close()
