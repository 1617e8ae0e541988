"""A service down: its sections say so, the rest of the workspace works, and nothing goes blank."""
from playwright.sync_api import expect


def test_billing_down_leaves_the_rest_of_the_workspace_working(page, demo, system, screenshots):
    customer = demo.customers()[0]
    with system.process("billing", "web").stopped():
        page.goto(f"/customers/{customer['id']}/invoices")
        expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()
        expect(page.get_by_text("Invoices is unavailable right now")).to_be_visible()
        expect(page.get_by_label("Figures").get_by_text("Unavailable").first).to_be_visible()
        page.screenshot(path=str(screenshots / "workspace-billing-down.png"), full_page=True)
        ws = demo.get(f"/customers/{customer['id']}/workspace")
        assert ws["invoices"]["status"] == "unavailable" and ws["jobs"]["status"] == "ok"

        page.get_by_role("tab", name="Jobs").click()
        expect(page.get_by_role("table", name="Jobs").or_(page.get_by_text("No jobs yet."))).to_be_visible()
        page.get_by_label("Add tag").fill("billing-was-down")
        page.get_by_label("Add tag").press("Enter")
        expect(page.get_by_role("button", name="Remove tag billing-was-down")).to_be_visible()
        assert "billing-was-down" in demo.get(f"/customers/{customer['id']}")["tags"]

    # Billing is back: the page asks again by itself and the section returns without a reload.
    page.get_by_role("tab", name="Invoices").click()
    expect(page.get_by_text("Invoices is unavailable right now")).to_have_count(0, timeout=60_000)
    expect(page.get_by_role("table", name="Invoices").or_(page.get_by_text("No invoices."))).to_be_visible()
    expect(page.get_by_label("Figures").get_by_text("Unavailable")).to_have_count(0)


def test_a_lost_connection_shows_a_notification_not_a_blank_page(page, demo):
    customer = demo.customers()[0]
    page.goto(f"/customers/{customer['id']}")
    expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()
    page.context.route("**/api/**", lambda route: route.abort("internetdisconnected"))
    page.get_by_label("Add tag").fill("offline")
    page.get_by_label("Add tag").press("Enter")
    expect(page.get_by_text("Connection lost")).to_be_visible()
    expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()
    page.context.unroute("**/api/**")
    assert "offline" not in demo.get(f"/customers/{customer['id']}")["tags"]
