"""The Unmatched inbox: a text and an email from people no customer has on file wait there; the office finds the
customer, assigns the text, and it leaves the inbox for that customer's feed — and the number's next text goes
straight there."""
from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from browser.test_communication import feed, new_customer, provider_webhook


def unmatched(demo) -> list[dict]:
    return demo.get("/unmatched?limit=100")["items"]


def _text(sender: str, body: str) -> dict:
    return {"MessageSid": f"SM{uuid.uuid4().hex}", "From": sender, "To": "+15125550100", "Body": body,
            "NumMedia": "0"}


def test_an_unknown_numbers_text_is_assigned_and_shows_in_the_customers_feed(page, demo, system, screenshots):
    customer = new_customer(demo, "Morgan Hale", "512-555-0191", "morgan.hale@example.com")
    text_id = provider_webhook(system, demo, "sms", _text("+17375550123", "Is my technician still coming at 3?"))
    email_id = provider_webhook(system, demo, "email", {
        "MessageId": f"<{uuid.uuid4().hex}@mail.example>", "From": "Pat Stranger <pat@stranger.example>",
        "To": "office@fieldwork.test", "Subject": "Quote for a new furnace", "Text": "How much would it be?"})
    assert {c["id"] for c in unmatched(demo)} >= {text_id, email_id}

    page.get_by_role("link", name="Unmatched").click()
    expect(page).to_have_url(re.compile(r"/unmatched$"))
    expect(page.get_by_role("heading", name="Unmatched inbox")).to_be_visible()
    inbox = page.get_by_role("list", name="Unmatched items")
    expect(inbox).to_contain_text("Is my technician still coming at 3?")
    expect(inbox).to_contain_text("Quote for a new furnace")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "unmatched-inbox.png"), full_page=True)

    page.get_by_text("Emails", exact=True).click()
    expect(inbox.get_by_role("listitem")).to_have_count(1)
    expect(inbox).to_contain_text("Quote for a new furnace")
    page.get_by_text("All", exact=True).click()

    inbox.get_by_role("button", name="Assign the text from +17375550123").click()
    dialog = page.get_by_role("dialog", name="Assign the text from +17375550123")
    dialog.get_by_label("Find a customer").fill("Morgan Hale")
    choice = dialog.get_by_role("radio", name=re.compile(r"^Morgan Hale \(C-\d+\)"))
    choice.check()
    expect(dialog).to_contain_text("The whole conversation with +17375550123 goes to Morgan Hale")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "unmatched-assign.png"))
    dialog.get_by_role("button", name="Assign").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_text("Assigned to Morgan Hale")).to_be_visible()
    expect(inbox).not_to_contain_text("Is my technician still coming at 3?")
    expect(inbox).to_contain_text("Quote for a new furnace")

    # What the API holds: out of the inbox, in the customer's feed, theirs.
    assert text_id not in {c["id"] for c in unmatched(demo)}
    [assigned] = [c for c in feed(demo, customer["id"]) if c["id"] == text_id]
    assert assigned["customer_id"] == customer["id"] and assigned["body"] == "Is my technician still coming at 3?"

    page.get_by_role("link", name="Open their communication").click()
    panel = page.get_by_role("tabpanel", name="Communication")
    expect(panel.get_by_role("article").filter(has_text="Is my technician still coming at 3?")).to_be_visible()

    later = provider_webhook(system, demo, "sms", _text("+17375550123", "See you then."))
    assert later not in {c["id"] for c in unmatched(demo)}
    assert later in {c["id"] for c in feed(demo, customer["id"], channel="sms")}
