"""The customers list: search as you type, filters, paging, and what the API holds behind each."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def rows(page):
    return page.get_by_role("table", name="Customers").locator("tbody tr")


def test_search_as_you_type_finds_by_phone_in_any_format_and_by_number(page, demo, screenshots):
    customer = next(c for c in demo.customers() if c.get("primary_phone"))
    digits = re.sub(r"\D", "", customer["primary_phone"]["number"])[-10:]
    expect(rows(page).first).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "customers-list.png"), full_page=True)

    search = page.get_by_label("Search", exact=True)
    search.fill(f"{digits[:3]}.{digits[3:6]}.{digits[6:]}")
    expect(rows(page).filter(has_text=customer["number"])).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(f"q={digits[:3]}.{digits[3:6]}.{digits[6:]}") + "$"))
    found = demo.customers(q=f"{digits[:3]}.{digits[3:6]}.{digits[6:]}")
    assert customer["id"] in [c["id"] for c in found]
    expect(rows(page)).to_have_count(len(found))

    search.fill(customer["number"])
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first).to_contain_text(customer["display_name"])


def test_filters_and_paging_show_what_the_api_lists(page, demo):
    everyone = demo.customers()
    status = everyone[0]["status"]
    page.get_by_role("combobox", name="Status").click()
    page.get_by_role("option", name=status, exact=True).click()
    expect(rows(page)).to_have_count(len([c for c in everyone if c["status"] == status]))

    page.get_by_role("combobox", name="Status").click()
    page.get_by_role("option", name=status, exact=True).click()  # choosing it again clears it
    first_page = demo.session.get(f"{demo.base}/api/customers", params={"limit": 25}, timeout=10).json()
    expect(rows(page)).to_have_count(len(first_page["items"]))
    next_button = page.get_by_role("button", name="Next")
    if first_page["next_cursor"]:
        next_button.click()
        expect(page.get_by_text("Page 2")).to_be_visible()
    else:
        expect(next_button).to_be_disabled()


def test_the_kind_filter_asks_the_api_for_that_kind(page, demo):
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": "Harbor Storage LLC", "kind": "commercial", "company": "Harbor Storage LLC"})
    assert created.status_code == 201, created.text
    commercial = demo.customers(kind="commercial")
    assert created.json()["id"] in [c["id"] for c in commercial]
    assert all(c["kind"] == "commercial" for c in commercial)

    with page.expect_request(lambda r: "/api/customers?" in r.url and "kind=commercial" in r.url):
        page.get_by_role("combobox", name="Kind").click()
        page.get_by_role("option", name="commercial", exact=True).click()
    expect(rows(page)).to_have_count(len(commercial))
    expect(rows(page).filter(has_text="Harbor Storage LLC")).to_be_visible()
    assert "kind=commercial" in page.url
