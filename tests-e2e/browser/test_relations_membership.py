"""Related customers and membership: a bill-to parent linked from the page, an invoice billed to it shown in both
workspaces; a plan enrolled shows as the membership badge; the customers list filters members. axe-core reads the
page, the link form and the confirmation."""
import re
import time

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def new_customer(demo, name):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "properties": [{"line1": "9 Birch Lane", "city": "Springfield", "region": "IL",
                                              "postal_code": "62704"}]})
    assert created.status_code == 201, created.text
    return created.json()


def test_a_bill_to_parent_linked_on_the_page_is_billed_and_both_workspaces_show_it(page, demo, screenshots):
    tenant = new_customer(demo, "Tobias Tenantly")
    parent = new_customer(demo, "Parkside Holdings")
    page.goto(f"/customers/{tenant['id']}")
    card = page.get_by_role("region", name="Related customers")
    expect(card.get_by_text("No related customers")).to_be_visible()

    card.get_by_role("button", name="Link customer").click()
    dialog = page.get_by_role("dialog", name="Link a customer to Tobias Tenantly")
    dialog.get_by_label("Is billed to (bill-to parent)").check()
    dialog.get_by_label("Find the other customer").fill("Parkside")
    link_button = dialog.get_by_role("button", name="Link Parkside Holdings")
    expect(link_button).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "relations-link-form.png"))
    link_button.click()
    expect(dialog).to_be_hidden()
    expect(card.get_by_text("Billed to")).to_be_visible()
    expect(card.get_by_role("link", name="Parkside Holdings")).to_have_attribute("href", f"/customers/{parent['id']}")
    [held] = demo.get(f"/customers/{tenant['id']}/relations")["items"]
    assert (held["role"], held["customer"]["id"]) == ("billed_to", parent["id"])

    # an invoice of the tenant's work, billed to the parent
    page.goto(f"/customers/{tenant['id']}/invoices")
    page.get_by_role("button", name="New invoice").click()
    form = page.get_by_role("form", name="New invoice")
    form.get_by_role("combobox", name="Bill to").click()
    page.get_by_role("option", name="Parkside Holdings").click()
    form.get_by_label("Line 1 description").fill("Boiler repair")
    form.get_by_label("Line 1 unit price").fill("420.00")
    assert accessibility_problems(page) == []
    form.get_by_role("button", name="Create invoice").click()
    expect(page).to_have_url(re.compile(r"/invoices/[0-9a-f-]{36}$"))
    invoice = demo.get(f"/invoices/{page.url.rsplit('/', 1)[1]}")
    assert (invoice["customer_id"], invoice["bill_to_customer_id"]) == (tenant["id"], parent["id"])

    # the parent's page: the link read from its end, and the invoice in its list
    page.goto(f"/customers/{parent['id']}/invoices")
    card = page.get_by_role("region", name="Related customers")
    expect(card.get_by_text("Bill-to of")).to_be_visible()
    expect(card.get_by_role("link", name="Tobias Tenantly")).to_be_visible()
    expect(page.get_by_role("tabpanel", name="Invoices")).to_contain_text(invoice["number"])
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "relations-parent-workspace.png"), full_page=True)
    page.goto(f"/customers/{tenant['id']}/invoices")
    expect(page.get_by_role("tabpanel", name="Invoices")).to_contain_text(invoice["number"])

    # removing asks first
    card = page.get_by_role("region", name="Related customers")
    card.get_by_role("button", name="Remove link to Parkside Holdings").click()
    confirm = page.get_by_role("dialog", name="Remove this link?")
    expect(confirm).to_contain_text("will no longer be linked to Parkside Holdings")
    assert accessibility_problems(page) == []
    confirm.get_by_role("button", name="Keep it").click()
    assert len(demo.get(f"/customers/{tenant['id']}/relations")["items"]) == 1
    card.get_by_role("button", name="Remove link to Parkside Holdings").click()
    page.get_by_role("dialog", name="Remove this link?").get_by_role("button", name="Remove link").click()
    expect(card.get_by_text("No related customers")).to_be_visible()
    assert demo.get(f"/customers/{tenant['id']}/relations")["items"] == []


def test_an_enrolled_plan_is_the_membership_badge_and_the_list_filters_members(page, demo, screenshots):
    member = new_customer(demo, "Milo Memberson")
    plan = demo.session.post(f"{demo.base}/api/plans", timeout=15, json={
        "customer_id": member["id"], "name": "Comfort Club", "price_per_visit_cents": 12900, "status": "active",
        "rrule": "FREQ=MONTHLY;INTERVAL=6", "starts_at": "2027-03-02T14:00:00Z"})
    assert plan.status_code == 201, plan.text
    ends = time.monotonic() + 30  # the plan's event reaches the customers service through the broker
    while not demo.get(f"/customers/{member['id']}/membership")["member"] and time.monotonic() < ends:
        time.sleep(0.3)

    page.goto(f"/customers/{member['id']}")
    expect(page.get_by_text("Member · Comfort Club")).to_be_visible()
    panel = page.get_by_role("region", name="Membership")
    expect(panel).to_contain_text("Comfort Club")
    expect(panel).to_contain_text("Member since")
    expect(panel).to_contain_text("Renews")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "membership-workspace.png"))

    page.goto("/customers")
    page.get_by_role("combobox", name="Membership").click()
    page.get_by_role("option", name="Members", exact=True).click()
    expect(page).to_have_url(re.compile(r"member=true"))
    table = page.get_by_role("table", name="Customers")
    expect(table).to_contain_text("Milo Memberson")
    members = {c["id"] for c in demo.customers(member="true")}
    assert member["id"] in members
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "customers-members.png"))
    page.get_by_role("combobox", name="Membership").click()
    page.get_by_role("option", name="Not members").click()
    expect(table).not_to_contain_text("Milo Memberson")
