"""The price book in Settings, picked from on an invoice at the property's price, and a customer's pricing table
previewed and emailed: each checked on the page, then in what the API holds and in the mail that arrives."""
import io
import random
from email import message_from_bytes

from playwright.sync_api import expect
from pypdf import PdfReader

from browser.accessibility import accessibility_problems
from polling import eventually


def checked(page) -> list[str]:
    """axe-core's findings once a dialog has finished opening (mid-transition it is half transparent)."""
    page.wait_for_function(
        "() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running')")
    return accessibility_problems(page)


def shop_customer(demo, name, email):
    """A customer whose one property is commercial, so the price book's commercial prices are theirs."""
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "kind": "commercial", "company": name,
        "contacts": [{"name": name, "emails": [email]}],
        "properties": [{"kind": "commercial", "line1": "800 Dock Rd", "city": "Springfield", "region": "IL",
                        "postal_code": "62701"}]})
    assert created.status_code == 201, created.text
    return created.json()


def book(demo, archived=False):
    return demo.get("/price-book?limit=100" + ("&archived=true" if archived else ""))["items"]


def test_keep_the_price_book_and_undo_a_delete(page, demo, screenshots):
    page.goto("/settings/price-book")
    expect(page.get_by_role("heading", name="Settings · Price book")).to_be_visible()
    page.get_by_role("button", name="Add service").click()
    form = page.get_by_role("form", name="New service")
    form.get_by_label("Name").fill("Spring tune-up")
    form.get_by_label("Description").fill("Lubricate, balance and test the opener")
    form.get_by_label("Standard price (USD)").fill("129")
    form.get_by_label("Commercial price").fill("abc")
    form.get_by_role("button", name="Add service").click()
    expect(form.get_by_text("A price like 189 or leave it empty.")).to_be_visible()
    assert checked(page) == []
    form.get_by_label("Commercial price").fill("189.50")
    form.get_by_role("button", name="Add service").click()
    table = page.get_by_role("table", name="Price book")
    row = table.get_by_role("row").filter(has_text="Spring tune-up")
    expect(row).to_contain_text("$129.00")
    expect(row).to_contain_text("$189.50")
    [item] = [i for i in book(demo) if i["name"] == "Spring tune-up"]
    assert item["unit_price_cents"] == 12900 and item["kind_prices"] == {"commercial": 18950}
    page.screenshot(path=str(screenshots / "price-book.png"))

    # a second item of the same name is refused under the field, nothing written
    page.get_by_role("button", name="Add service").click()
    form = page.get_by_role("form", name="New service")
    form.get_by_label("Name").fill("spring TUNE-UP")
    form.get_by_label("Standard price (USD)").fill("99")
    form.get_by_role("button", name="Add service").click()
    expect(form.get_by_text('The price book already has an item named "spring TUNE-UP".')).to_be_visible()
    form.get_by_role("button", name="Cancel").click()
    assert len([i for i in book(demo) if i["name"].lower() == "spring tune-up"]) == 1

    page.get_by_role("button", name="Delete Spring tune-up").click()
    dialog = page.get_by_role("dialog", name="Delete Spring tune-up?")
    assert checked(page) == []
    dialog.get_by_role("button", name="Delete service").click()
    expect(table.get_by_text("Spring tune-up")).to_have_count(0)
    eventually(lambda: [i["name"] for i in book(demo, archived=True)] == ["Spring tune-up"])
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("table", name="Price book").get_by_text("Spring tune-up")).to_be_visible()
    eventually(lambda: [i["name"] for i in book(demo) if i["name"] == "Spring tune-up"] == ["Spring tune-up"])


def test_an_invoice_line_is_picked_at_the_property_price_and_the_pricing_table_is_mailed(page, demo, system,
                                                                                         screenshots):
    created = demo.session.post(f"{demo.base}/api/price-book", timeout=15, json={
        "name": "Opener install", "unit_price_cents": 45000, "kind_prices": {"commercial": 61000}})
    assert created.status_code == 201, created.text
    email = f"ap.{random.randint(10**5, 10**6)}@example.com"
    customer = shop_customer(demo, "Dockside Storage", email)

    page.goto(f"/customers/{customer['id']}/invoices")
    page.get_by_role("button", name="New invoice").click()
    form = page.get_by_role("form", name="New invoice")
    form.get_by_label("Add from price book").click()
    page.get_by_role("option", name="Opener install").click()
    expect(form.get_by_label("Line 1 description")).to_have_value("Opener install")
    expect(form.get_by_label("Line 1 unit price")).to_have_value("610.00")  # the commercial price, not 450
    assert checked(page) == []
    form.get_by_role("button", name="Create invoice").click()
    expect(page.get_by_role("dialog", name="New invoice for Dockside Storage")).to_have_count(0)
    invoices = eventually(lambda: demo.get(f"/customers/{customer['id']}/invoices")["items"] or None)
    assert invoices[0]["total_cents"] == 61000

    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Send pricing table").click()
    dialog = page.get_by_role("dialog", name="Pricing table")
    table = dialog.get_by_role("table", name="Pricing table")
    expect(table.get_by_role("row").filter(has_text="Opener install")).to_contain_text("$610.00")
    expect(table).to_contain_text("800 Dock Rd")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "pricing-table.png"))
    dialog.get_by_role("button", name="Send pricing table").click()
    expect(page.get_by_text(f"Pricing table sent to {email}.")).to_be_visible()

    def mailed():
        return [message_from_bytes(m["data"]) for m in system.smtp.messages if email in m["to"]] or None
    [mail] = eventually(mailed, seconds=30)
    assert mail["Subject"] == "Our prices for your property"
    [pdf] = [part for part in mail.walk() if part.get_content_type() == "application/pdf"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.get_payload(decode=True))).pages)
    assert "Dockside Storage" in text and "Opener install" in text and "USD 610.00" in text
    feed = eventually(lambda: [c for c in demo.get(f"/customers/{customer['id']}/communications")["items"]
                               if c["subject"] == "Our prices for your property"] or None)
    assert feed[0]["status"] in ("sent", "delivered")
