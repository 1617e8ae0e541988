"""The actions menu: merge a duplicate (and undo it), portal invite, view as client, AR statement."""
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually


def workspace(demo, customer_id):
    return demo.get(f"/customers/{customer_id}/workspace")


def invoice_ids(demo, customer_id):
    return {i["id"] for i in demo.get(f"/customers/{customer_id}/invoices?limit=100")["items"]}


def test_merge_a_duplicate_in_then_undo(page, demo, screenshots):
    everyone = demo.customers()
    target, duplicate = everyone[2], next(c for c in everyone[3:] if invoice_ids(demo, c["id"]))
    theirs, ours = invoice_ids(demo, duplicate["id"]), invoice_ids(demo, target["id"])

    page.goto(f"/customers/{target['id']}")
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Merge…").click()
    dialog = page.get_by_role("dialog", name="Merge a duplicate into this customer")
    dialog.get_by_label("Find a customer").fill(duplicate["number"])
    dialog.get_by_role("radio", name=f"{duplicate['display_name']} ({duplicate['number']})", exact=False).check()
    expect(dialog.get_by_text("What will move")).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "merge-dialog.png"))
    dialog.get_by_role("button", name="Merge").click()

    expect(page.get_by_text(f"{duplicate['display_name']} merged into {target['display_name']}")).to_be_visible()
    assert workspace(demo, duplicate["id"])["merged_into"] == target["id"]
    eventually(lambda: (invoice_ids(demo, target["id"]) == ours | theirs) or None, seconds=30)

    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("Merge undone.")).to_be_visible()
    assert workspace(demo, duplicate["id"])["merged_into"] is None
    eventually(lambda: (invoice_ids(demo, duplicate["id"]) == theirs and invoice_ids(demo, target["id"]) == ours) or None,
               seconds=30)


def test_portal_invite_view_as_client_and_statement(page, demo, system):
    customer = next(c for c in demo.customers() if c.get("primary_email"))
    page.goto(f"/customers/{customer['id']}")
    expect(page.get_by_role("heading", name=customer["display_name"], level=1)).to_be_visible()

    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Send portal invite").click()
    dialog = page.get_by_role("dialog", name="Send portal invite")
    expect(dialog.get_by_label("Email")).to_have_value(customer["primary_email"])
    # The actions menu fades out after its item is chosen: axe reads the page once it has gone.
    expect(page.get_by_role("menu")).to_have_count(0)
    assert accessibility_problems(page) == []
    dialog.get_by_role("button", name="Send invite").click()
    expect(page.get_by_text(f"Portal invite sent to {customer['primary_email']}.")).to_be_visible()
    # Review requests after completed jobs may have sent invites by text (no email): the mailed one is this.
    mailed = [i for i in demo.get(f"/customers/{customer['id']}/portal-invites")["items"] if i["email"]]
    assert [i["email"] for i in mailed] == [customer["primary_email"]] and mailed[0]["status"] == "pending"

    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="View as client").click()
    dialog = page.get_by_role("dialog", name="View as client")
    expect(dialog.get_by_text(f"what {customer['display_name']} sees")).to_be_visible()
    expect(dialog.get_by_role("heading", name="invoices")).to_be_visible()
    page.keyboard.press("Escape")

    sent_before = len(system.smtp.messages)
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Send AR statement").click()
    dialog = page.get_by_role("dialog", name="AR statement")
    expect(dialog.locator("iframe[title='Statement preview']")).to_be_visible()
    dialog.get_by_role("button", name="Send statement").click()
    expect(page.get_by_text(f"Statement sent to {customer['primary_email']}.")).to_be_visible()
    eventually(lambda: len(system.smtp.messages) > sent_before or None, seconds=30)


def test_email_from_the_quick_actions_appears_in_the_feed_with_its_status(page, demo, system):
    customer = next(c for c in demo.customers() if c.get("primary_email"))
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="Email", exact=True).click()
    form = page.get_by_role("form", name="Email")
    form.get_by_role("button", name="Send").click()
    expect(form.get_by_text("Give the email a subject.")).to_be_visible()
    assert accessibility_problems(page) == []
    form.get_by_label("Subject").fill("Your visit on Tuesday")
    form.get_by_label("Message").fill("Our technician arrives between 9 and 11.")
    form.get_by_role("button", name="Send").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/communication$"))

    def sent():
        items = demo.get(f"/customers/{customer['id']}/communications?limit=50")["items"]
        return next((c for c in items if c.get("subject") == "Your visit on Tuesday" and c["status"] == "sent"), None)
    eventually(sent, seconds=30)
    page.reload()
    email = page.get_by_role("tabpanel", name="Communication").get_by_role("article", name="Email: Your visit on Tuesday")
    expect(email).to_contain_text("Sent")


def test_a_suggested_duplicate_leads_to_the_merge_dialog(page, demo):
    existing = next(c for c in demo.customers() if c.get("primary_phone"))
    twin = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": f"{existing['display_name']} (second record)", "contacts": [{"name": existing["display_name"],
                                                                "phones": [{"number": existing["primary_phone"]["number"]}]}]})
    assert twin.status_code == 201, twin.text
    page.goto(f"/customers/{twin.json()['id']}")
    suggestions = page.get_by_role("status").filter(has_text="Possible duplicates")
    expect(suggestions.get_by_role("link", name=f"{existing['display_name']} ({existing['number']})")).to_be_visible()
    suggestions.get_by_role("button", name="Review and merge").click()
    dialog = page.get_by_role("dialog", name="Merge a duplicate into this customer")
    expect(dialog.get_by_role("radio", name=f"{existing['display_name']} ({existing['number']})", exact=False)).to_be_visible()


def test_an_insight_card_and_a_timeline_item_lead_to_their_records(page, demo):
    def statement_card(customer):
        cards = demo.get(f"/customers/{customer['id']}/insights?ai=cached")["cards"]
        return next((c for c in cards if (c.get("link") or {}).get("kind") == "statement"), None)
    customer, card = next((c, card) for c in demo.customers() if (card := statement_card(c)))
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("region", name="Insights").get_by_role("button", name=card["action"]).click()
    expect(page.get_by_role("dialog", name="AR statement")).to_be_visible()
    page.keyboard.press("Escape")

    page.get_by_role("tab", name="Activity").click()
    first_link = page.get_by_role("tabpanel", name="Activity").get_by_role("link").first
    expect(first_link).to_be_visible()
    first_link.click()
    # an invoice opens its own page; every other record its tab of the workspace
    expect(page).to_have_url(re.compile(
        f"(/customers/{customer['id']}/(jobs|estimates|maintenance|invoices|communication)|/invoices/[0-9a-f-]{{36}})$"))
