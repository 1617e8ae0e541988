"""The invoice page: create and send an invoice, record a partial payment, void with confirmation, credit notes,
applied credit and refunds, each checked on the page and then in what the API holds."""
import random
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems


def new_customer(demo, name):
    """A customer of the journey's own, so the only invoices are the journey's (a phone, so Call is a live link)."""
    phone = f"+1 217 555 {random.randint(1000, 9999)}"
    created = demo.session.post(f"{demo.base}/api/customers", timeout=15, json={
        "display_name": name, "contacts": [{"name": name, "phones": [{"number": phone}]}], "properties": [{"line1": "12 Ledger Lane", "city": "Springfield", "region": "IL", "postal_code": "62701"}]})
    assert created.status_code == 201, created.text
    return created.json()


def api_invoice(demo, customer_id, cents, *, send=True):
    made = demo.session.post(f"{demo.base}/api/invoices", timeout=15, json={
        "customer_id": customer_id, "lines": [{"description": "Service call", "unit_price_cents": cents}]})
    assert made.status_code == 201, made.text
    invoice = made.json()
    if send:
        sent = demo.session.post(f"{demo.base}/api/invoices/{invoice['id']}/send", timeout=15)
        assert sent.status_code == 200, sent.text
    return invoice


def checked(page) -> list[str]:
    """axe-core's findings once a dialog or drawer has finished opening: mid-transition it is half transparent and
    not yet named, which is not what anyone reads."""
    page.wait_for_function(
        "() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running')")
    return accessibility_problems(page)


def figure(page, label):
    return page.get_by_role("region", name="Totals").get_by_label(label, exact=True)


def test_create_send_and_part_pay_an_invoice_then_the_balance_and_ledger_agree(page, demo, screenshots):
    customer = new_customer(demo, "Ivy Invoiceworth")
    page.goto(f"/customers/{customer['id']}/invoices")
    page.get_by_role("button", name="New invoice").click()
    expect(page.get_by_role("dialog", name="New invoice for Ivy Invoiceworth")).to_be_visible()
    form = page.get_by_role("form", name="New invoice")
    form.get_by_label("Line 1 description").fill("Furnace tune-up")
    form.get_by_label("Line 1 unit price").fill("189.99")
    form.get_by_role("button", name="Add line").click()
    form.get_by_label("Line 2 description").fill("Filter")
    form.get_by_label("Line 2 quantity").fill("2")
    form.get_by_label("Line 2 unit price").fill("abc")
    form.get_by_role("button", name="Create invoice").click()
    expect(form.get_by_text("A price like 125 or 89.50.")).to_be_visible()
    form.get_by_label("Line 2 unit price").fill("19.99")
    form.get_by_label("Line 2 tax %").fill("8.25")
    # 189.99 + 2 × 19.99 + 8.25% of 39.98 (3.298…, half-up per line to 3.30)
    expect(form.get_by_label("Invoice total")).to_have_text("Total $233.27")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "invoice-form.png"))
    form.get_by_role("button", name="Create invoice").click()

    expect(page).to_have_url(re.compile(r"/invoices/[0-9a-f-]{36}$"))
    invoice_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_label("Status: draft")).to_be_visible()
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_label("Status: sent")).to_be_visible()
    held = demo.get(f"/invoices/{invoice_id}")
    assert held["status"] == "sent" and held["total_cents"] == 23327 and held["tax_cents"] == 330
    assert [(li["quantity"], li["unit_price_cents"]) for li in held["lines"]] == [("1.00", 18999), ("2.00", 1999)]
    assert held["property_id"] == customer["properties"][0]["id"]

    page.get_by_role("button", name="Record payment").click()
    expect(page.get_by_role("dialog", name="Record a payment from Ivy Invoiceworth")).to_be_visible()
    payment = page.get_by_role("form", name="Record a payment")
    payment.get_by_role("textbox", name="Amount").fill("100.00")
    # Oldest first by default: the only open invoice takes the whole payment.
    expect(payment.get_by_label(f"Apply to {held['number']}")).to_have_value("100.00")
    expect(payment.get_by_label("Remainder on account")).to_have_text("Applied $100.00 · on account $0.00")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "payment-form.png"))
    payment.get_by_role("button", name="Record payment").click()

    expect(page.get_by_label("Status: partial")).to_be_visible()
    expect(figure(page, "Balance")).to_have_text("$133.27")
    expect(figure(page, "Paid")).to_have_text("$100.00")
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "invoice-page.png"))
    held = demo.get(f"/invoices/{invoice_id}")
    assert (held["status"], held["paid_cents"], held["balance_cents"]) == ("partial", 10000, 13327)

    summary = demo.get(f"/customers/{customer['id']}/billing-summary")
    ledger = demo.get(f"/customers/{customer['id']}/ledger?limit=50")["items"]
    assert summary["balance_cents"] == ledger[0]["running_balance_cents"] == 13327
    page.get_by_role("link", name="Ivy Invoiceworth").click()
    expect(page.get_by_role("table", name="Invoices")).to_contain_text("partial")
    expect(page.get_by_label("Figures")).to_contain_text("Balance$133.27")
    page.get_by_label("Figures").get_by_role("button", name="Balance").click()
    page.get_by_role("link", name="Open the full billing history").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/billing$"))
    rows = page.get_by_role("table", name="Ledger entries").locator("tbody tr")
    expect(rows).to_have_count(len(ledger))
    expect(rows.first).to_contain_text("$133.27")
    expect(page.get_by_label("Billing figures").get_by_label("Balance", exact=True)).to_have_text("$133.27")


def test_void_asks_first_and_then_the_invoice_owes_nothing(page, demo):
    customer = new_customer(demo, "Vera Voidable")
    invoice = api_invoice(demo, customer["id"], 5000, send=False)
    page.goto(f"/invoices/{invoice['id']}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF").click()
    assert download.value.suggested_filename == f"{invoice['number']}.pdf"
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    page.get_by_role("button", name="Void", exact=True).click()
    dialog = page.get_by_role("dialog", name=f"Void {invoice['number']}?")
    expect(dialog).to_contain_text("owes nothing")
    assert checked(page) == []
    dialog.get_by_role("button", name="Keep it").click()
    expect(page.get_by_label("Status: draft")).to_be_visible()
    assert demo.get(f"/invoices/{invoice['id']}")["status"] == "draft"

    page.get_by_role("button", name="Void", exact=True).click()
    page.get_by_role("dialog").get_by_role("button", name="Void invoice").click()
    expect(page.get_by_label("Status: void")).to_be_visible()
    expect(figure(page, "Balance")).to_have_text("$0.00")
    expect(page.get_by_role("button", name="Void", exact=True)).to_have_count(0)
    held = demo.get(f"/invoices/{invoice['id']}")
    assert held["status"] == "void" and held["balance_cents"] == 0


def test_credit_note_applied_credit_and_a_refund_move_the_balance(page, demo, screenshots):
    customer = new_customer(demo, "Cora Creditwell")
    invoice = api_invoice(demo, customer["id"], 10000)
    page.goto(f"/invoices/{invoice['id']}")
    page.get_by_role("button", name="Credit note").click()
    note = page.get_by_role("form", name="Credit note")
    note.get_by_role("textbox", name="Amount").fill("20")
    note.get_by_role("textbox", name="Reason").fill("Late arrival")
    expect(note.get_by_role("checkbox")).to_be_checked()
    assert checked(page) == []
    note.get_by_role("button", name="Issue credit note").click()
    expect(figure(page, "Credits")).to_have_text("$20.00")
    expect(figure(page, "Balance")).to_have_text("$80.00")
    assert demo.get(f"/invoices/{invoice['id']}")["credited_cents"] == 2000

    # A payment kept on account becomes credit the invoice can use.
    paid = demo.session.post(f"{demo.base}/api/payments", timeout=15, json={
        "customer_id": customer["id"], "method": "check", "amount_cents": 5000, "allocations": []})
    assert paid.status_code == 201, paid.text
    page.reload()
    page.get_by_role("button", name="Apply credit").click()
    apply = page.get_by_role("form", name="Apply credit")
    expect(apply.get_by_label("Credit available")).to_have_text("Credit available: $50.00")
    expect(apply.get_by_role("textbox", name="Amount to apply")).to_have_value("50.00")
    assert checked(page) == []
    apply.get_by_role("button", name="Apply credit").click()
    expect(figure(page, "Balance")).to_have_text("$30.00")
    expect(page.get_by_label("Status: partial")).to_be_visible()
    held = demo.get(f"/invoices/{invoice['id']}")
    assert (held["paid_cents"], held["credited_cents"], held["balance_cents"], held["status"]) == (5000, 2000, 3000, "partial")

    payments = page.get_by_role("table", name="Customer payments and credits")
    payments.get_by_role("button", name=re.compile("^Refund Payment by check")).click()
    refund = page.get_by_role("form", name="Refund")
    refund.get_by_role("textbox", name="Amount").fill("10")
    expect(refund.get_by_role("checkbox")).to_be_checked()
    assert checked(page) == []
    page.screenshot(path=str(screenshots / "refund-form.png"))
    refund.get_by_role("button", name="Refund").click()
    expect(figure(page, "Balance")).to_have_text("$40.00")
    expect(payments).to_contain_text("Refund to customer")
    held = demo.get(f"/invoices/{invoice['id']}")
    assert (held["paid_cents"], held["balance_cents"]) == (4000, 4000)
    ledger = demo.get(f"/customers/{customer['id']}/ledger?limit=50")["items"]
    assert ledger[0]["kind"] == "refund" and ledger[0]["debit_cents"] == 1000


def test_a_completed_job_is_invoiced_from_its_row(page, demo):
    def completed(customer):
        return next((j for j in demo.get(f"/customers/{customer['id']}/jobs?limit=10")["items"] if j["status"] == "completed"), None)
    customer, job = next((c, job) for c in demo.customers() if (job := completed(c)))
    page.goto(f"/customers/{customer['id']}/jobs")
    page.get_by_role("button", name=f"Create invoice for {job['number']}").click()
    form = page.get_by_role("form", name="New invoice")
    expect(form.get_by_label("Line 1 description")).to_have_value(job["title"])
    form.get_by_label("Line 1 unit price").fill("250.00")
    form.get_by_role("button", name="Create invoice").click()

    expect(page).to_have_url(re.compile(r"/invoices/[0-9a-f-]{36}$"))
    expect(figure(page, "Total")).to_have_text("$250.00")
    held = demo.get(f"/invoices/{page.url.rsplit('/', 1)[1]}")
    assert (held["job_id"], held["status"], held["total_cents"]) == (job["id"], "draft", 25000)
