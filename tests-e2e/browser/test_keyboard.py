"""The keyboard alone: `/` reaches the search from anywhere but a field, Tab reaches every action with a visible
focus ring, and a whole task (find a customer, open New job, save it) needs no mouse."""
import re

from playwright.sync_api import expect

from polling import eventually


def tab_to(page, accessible_name: str, limit: int = 120) -> None:
    """Presses Tab until the focused element is named ``accessible_name``, checking each stop shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {name: (el.getAttribute('aria-label') || el.textContent || '').trim(),
                    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0};
        }""")
        if focused["name"] == accessible_name:
            assert focused["ring"], f"{accessible_name} has no visible focus"
            return
    raise AssertionError(f"Tab never reached {accessible_name!r}")


def test_find_a_customer_and_open_a_job_by_keyboard_only(page, demo):
    customer = demo.customers()[3]
    page.keyboard.press("/")
    search = page.get_by_role("searchbox", name="Search customers").or_(page.get_by_label("Search customers"))
    expect(search.first).to_be_focused()
    page.keyboard.type(customer["number"])
    page.keyboard.press("Enter")
    table = page.get_by_role("table", name="Customers")
    expect(table.get_by_role("link", name=customer["display_name"])).to_be_visible()
    tab_to(page, customer["display_name"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()

    tab_to(page, "New job")
    page.keyboard.press("Enter")
    title = page.get_by_role("form", name="New job").get_by_label("Title")
    expect(title).to_be_focused()
    # `/` typed in a field is a character, not the search shortcut.
    page.keyboard.type("Fix gate 1/2")
    expect(title).to_have_value("Fix gate 1/2")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/jobs$"))
    eventually(lambda: next((j for j in demo.get(f"/customers/{customer['id']}/jobs?limit=100")["items"]
                             if j["title"] == "Fix gate 1/2" and j["status"] == "draft"), None))

    tab_to(page, "More tabs")
    page.keyboard.press("Enter")
    expect(page.get_by_role("menuitem", name="Equipment")).to_be_visible()
    # The arrow moves the focus into the menu once the menu listens (an arrow pressed while it opens is lost);
    # Enter acts on the item only once it holds the focus.
    focused_item = page.locator("[role=menuitem]:focus")
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        if focused_item.count() == 1:
            break
        page.wait_for_timeout(200)
    expect(focused_item).to_have_count(1)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/(equipment|reviews|archived-data)$"))
    page.keyboard.press("/")
    expect(page.get_by_label("Search customers")).to_be_focused()
