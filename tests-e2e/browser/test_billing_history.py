"""Billing history: reached from the balance card; the ledger with its running balance as the API keeps it; the AR
statement as of a day, aged and previewed; the card on file set, replaced and removed."""
import re

from playwright.sync_api import expect

from browser.test_invoices import checked, new_customer


def test_the_ledger_and_statement_agree_with_the_api(page, demo, screenshots):
    # The customer who owes the most, so the aging has something in it.
    customer = max(demo.customers(), key=lambda c: demo.get(f"/customers/{c['id']}/billing-summary")["balance_cents"])
    ledger = demo.get(f"/customers/{customer['id']}/ledger?limit=25")["items"]
    summary = demo.get(f"/customers/{customer['id']}/billing-summary")
    page.goto(f"/customers/{customer['id']}")
    page.get_by_label("Figures").get_by_role("button", name="Balance").click()
    page.get_by_role("link", name="Open the full billing history").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/billing$"))

    rows = page.get_by_role("table", name="Ledger entries").locator("tbody tr")
    expect(rows).to_have_count(len(ledger))
    for row, entry in zip([rows.nth(0), rows.nth(len(ledger) - 1)], [ledger[0], ledger[-1]]):
        expect(row).to_contain_text(entry["description"])
        expect(row.locator("td").last).to_have_text(money(entry["running_balance_cents"]))
    expect(page.get_by_label("Billing figures").get_by_label("Balance", exact=True)).to_have_text(money(summary["balance_cents"]))

    statement = page.get_by_role("region", name="AR statement")
    open_invoices = [i for i in demo.get(f"/customers/{customer['id']}/invoices?limit=100")["items"]
                     if i["status"] in ("sent", "viewed", "partial", "overdue")]
    aged = sum(i["balance_cents"] for i in open_invoices)
    buckets = statement.get_by_role("list", name="Aging").get_by_role("listitem")
    expect(buckets).to_have_count(5)
    shown = sum(cents_of(buckets.nth(i).get_attribute("aria-label").split(": ")[1]) for i in range(5))
    assert shown == aged
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "billing-history.png"), full_page=True)

    statement.get_by_label("As of").fill("2026-01-31")
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="31 January 2026")).to_have_count(0)
    # A past day's aging is billing's to say, in the statement; today's balances are not shown as that day's.
    expect(statement.get_by_text("The aging as of a past day is in the statement: preview the PDF.")).to_be_visible()
    expect(statement.get_by_role("list", name="Aging")).to_have_count(0)
    statement.get_by_role("button", name="Preview PDF").click()
    preview = page.get_by_role("dialog", name="Statement as of 2026-01-31")
    expect(preview.locator("iframe[title='Statement preview']")).to_be_visible()
    src = preview.locator("iframe").get_attribute("src")
    assert src.startswith("blob:")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "statement-preview.png"))
    preview.get_by_role("button", name="Close").click()
    statement.get_by_label("Send to").fill("books@example.com")
    statement.get_by_role("button", name="Send statement").click()
    expect(page.get_by_text("Statement as of 2026-01-31 sent to books@example.com.")).to_be_visible()


def test_card_on_file_is_set_from_a_token_replaced_and_removed(page, demo, screenshots):
    customer = new_customer(demo, "Carl Cardholder")
    page.goto(f"/customers/{customer['id']}/billing")
    card = page.get_by_role("region", name="Card on file")
    expect(card.get_by_label("Card")).to_have_text("No card on file.")
    card.get_by_role("button", name="Set card").click()
    form = page.get_by_role("form", name="Card on file")
    form.get_by_label("Processor token").fill("4242424242424242")
    form.get_by_label("Last 4").fill("4242")
    form.get_by_label("Exp. month").fill("12")
    form.get_by_label("Exp. year").fill("2030")
    form.get_by_role("button", name="Save card").click()
    expect(form.get_by_text("The processor's token, like tok_1AbCdEf.")).to_be_visible()
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "card-form.png"))
    form.get_by_label("Processor token").fill("tok_Visa4242abc")
    form.get_by_role("button", name="Save card").click()
    expect(card.get_by_label("Card")).to_have_text("visa ·4242, expires 12/2030")
    held = demo.get(f"/customers/{customer['id']}/card")
    assert (held["brand"], held["last4"], held["exp_month"], held["exp_year"]) == ("visa", "4242", 12, 2030)
    assert "processor_token" not in held

    card.get_by_role("button", name="Replace card").click()
    form.get_by_label("Processor token").fill("tok_Master4444xyz")
    form.get_by_role("combobox", name="Brand").click()
    page.get_by_role("option", name="Mastercard").click()
    form.get_by_label("Last 4").fill("4444")
    form.get_by_label("Exp. month").fill("3")
    form.get_by_label("Exp. year").fill("2031")
    form.get_by_role("button", name="Save card").click()
    expect(card.get_by_label("Card")).to_have_text("mastercard ·4444, expires 03/2031")
    assert demo.get(f"/customers/{customer['id']}/card")["last4"] == "4444"

    card.get_by_role("button", name="Remove card").click()
    confirm = page.get_by_role("dialog", name="Remove the card on file?")
    expect(confirm).to_be_visible()
    assert checked(page) == []
    confirm.get_by_role("button", name="Remove card").click()
    expect(card.get_by_label("Card")).to_have_text("No card on file.")
    gone = demo.session.get(f"{demo.base}/api/customers/{customer['id']}/card", timeout=15)
    assert gone.status_code == 404


def money(cents):
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def cents_of(text):
    return int(text.replace("$", "").replace(",", "").replace(".", ""))
