"""Settings → Import against the whole system: a broken file refused with nothing written, a Jobber export
dry-run, started and watched to the end while the importer process runs it, the skipped row in the report, and an
imported customer's Archived data tab showing the columns that mapped to nothing."""
import csv
import io
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually

HEADERS = ["Client ID", "First Name", "Last Name", "Company Name", "E-mail", "Main Phone #", "Billing Street 1",
           "Billing City", "Billing State", "Billing Zip code", "Client Notes", "Referred By"]


def _csv(headers: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode()


def export(rows: int) -> bytes:
    # row 7: not a phone number, skipped
    return _csv(HEADERS, [[f"JB-{i}", f"Quill{i}", "Marchetti", "", f"quill{i}@example.org",
                           "12" if i == 7 else f"(217) 555-{7000 + i:04d}", f"{40 + i} Elm St", "Springfield", "IL",
                           "62701", f"Side gate, dog named Rex {i}", "Yard sign"] for i in range(1, rows + 1)])


def choose(page, name: str, data: bytes) -> None:
    page.locator("input[type=file]").set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def test_import_customers_from_a_jobber_export(page, demo, screenshots):
    before = len(demo.customers(q="Marchetti"))
    page.goto("/settings/import")
    expect(page.get_by_role("heading", name="Settings · Import")).to_be_visible()
    expect(page.get_by_role("tab", name="Import")).to_have_attribute("aria-selected", "true")
    assert accessibility_problems(page) == []

    # A file that is not UTF-8: refused with the reason, nothing written.
    choose(page, "latin1.csv", "Client ID,First Name,Last Name\r\n1,Zoë,Marchetti\r\n".encode("latin-1"))
    page.get_by_role("button", name="Check file").click()
    alert = page.get_by_role("alert").filter(has_text="The file cannot be imported")
    expect(alert).to_contain_text("not UTF-8")
    expect(alert).to_contain_text("Nothing was imported.")
    assert accessibility_problems(page) == []
    assert len(demo.customers(q="Marchetti")) == before

    choose(page, "clients.csv", export(30))
    page.get_by_role("button", name="Check file").click()
    expect(page.get_by_text("All 30 rows checked:")).to_be_visible()
    preview = page.get_by_role("table", name="Preview of the first rows")
    expect(preview).to_contain_text("Quill1 Marchetti")
    expect(preview).to_contain_text("Client Notes: Side gate, dog named Rex 1")
    expect(page.get_by_role("table", name="Dry-run report")).to_contain_text("Not a phone number: 12")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "import-dry-run.png"), full_page=True)
    assert len(demo.customers(q="Marchetti")) == before  # the dry run wrote nothing

    page.get_by_role("button", name="Start import of 30 rows").click()
    expect(page.get_by_text("Import finished")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("30 of 30 rows done")).to_be_visible()
    expect(page.get_by_text("29 customers created, 0 rows matched to customers already here, 1 row skipped.")).to_be_visible()
    expect(page.get_by_role("table", name="Rows skipped")).to_contain_text("Not a phone number: 12")
    expect(page.get_by_role("table", name="Earlier imports").get_by_role("row").nth(1)).to_contain_text("done")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "import-done.png"), full_page=True)
    assert len(demo.customers(q="Marchetti")) == before + 29

    [customer] = [c for c in demo.customers(q="Quill3 Marchetti") if c["display_name"] == "Quill3 Marchetti"]
    page.goto(f"/customers/{customer['id']}")
    page.get_by_role("button", name="More tabs").click()
    page.get_by_role("menuitem", name="Archived data").click()
    expect(page).to_have_url(re.compile(f"/customers/{customer['id']}/archived-data$"))
    panel = page.get_by_role("tabpanel", name="Archived data")
    expect(panel.get_by_text("Imported", exact=True)).to_be_visible()
    expect(panel.get_by_text("From Jobber")).to_be_visible()
    expect(panel.get_by_role("table", name="Archived data from Jobber")).to_contain_text("Side gate, dog named Rex 3")
    expect(panel.get_by_role("table", name="Archived data from Jobber")).to_contain_text("Yard sign")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "import-archived-data.png"), full_page=True)


HISTORY_HEADERS = ["Job #", "Client ID", "Title", "Completed Date", "Assigned To", "Invoice #", "Issued Date",
                   "Due Date", "Total ($)", "Balance ($)", "Invoice Status"]


def _import_by_api(demo, kind: str, data: bytes) -> dict:
    created = demo.session.post(f"{demo.base}/api/imports", files={"file": ("export.csv", data, "text/csv")},
                                data={"layout": "jobber", "kind": kind}, timeout=30)
    assert created.status_code == 201, created.text[:500]
    import_id = created.json()["import"]["id"]
    assert demo.session.post(f"{demo.base}/api/imports/{import_id}/start", timeout=15).status_code == 202
    expect_done(demo, import_id)
    return demo.get(f"/imports/{import_id}")


def expect_done(demo, import_id: str) -> None:
    eventually(lambda: demo.get(f"/imports/{import_id}")["status"] == "done", seconds=60)


def test_import_the_past_jobs_and_invoices_of_imported_customers(page, demo, screenshots):
    _import_by_api(demo, "customers", _csv(HEADERS[:6], [["JH-1", "Hester", "Ollivant", "", "hester@example.org",
                                                          "(217) 555-8101"]]))
    [customer] = [c for c in demo.customers(q="Hester Ollivant") if c["display_name"] == "Hester Ollivant"]
    history = _csv(HISTORY_HEADERS, [
        ["5101", "JH-1", "Furnace tune-up", "03/14/2023", "Sam Ortiz", "INV-7101", "03/14/2023", "04/13/2023",
         "$189.50", "$0.00", "Paid"],
        ["5102", "JH-1", "Water heater flush", "09/02/2023", "Sam Ortiz", "INV-7102", "09/02/2023", "10/02/2023",
         "$240.00", "$40.00", "Sent"],
        ["5103", "JH-404", "Gutter clean", "10/01/2023", "", "", "", "", "", "", ""],
    ])
    page.goto("/settings/import")
    page.get_by_role("radiogroup", name="What to import").get_by_text("Past jobs and invoices").click()
    expect(page.get_by_text("Import the customers first")).to_be_visible()
    choose(page, "jobs.csv", history)
    page.get_by_role("combobox", name="Exported from").click()
    page.get_by_role("option", name="Jobber job and invoice history export").click()
    page.get_by_role("button", name="Check file").click()
    expect(page.get_by_text("All 3 rows checked:")).to_be_visible()
    preview = page.get_by_role("table", name="Preview of the first rows")
    expect(preview).to_contain_text("#5101 · Furnace tune-up")
    expect(preview).to_contain_text("$200.00 paid")
    expect(page.get_by_role("table", name="Dry-run report")).to_contain_text("No customer here with customer id JH-404")
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "import-history-dry-run.png"), full_page=True)

    page.get_by_role("button", name="Start import of 3 rows").click()
    expect(page.get_by_text("Import finished")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("2 rows of past jobs and invoices imported, 0 rows imported before, 1 row skipped.")).to_be_visible()

    # Jobs and billing keep them (through the event), shown like native records, marked imported.
    page.goto(f"/customers/{customer['id']}/jobs")
    jobs = page.get_by_role("table", name="Jobs")
    expect(jobs.get_by_text("Imported from Jobber · #5101")).to_be_visible(timeout=30_000)
    expect(jobs.get_by_text("Imported from Jobber · #5102")).to_be_visible()
    page.get_by_role("tab", name="Invoices").click()
    invoices = page.get_by_role("table", name="Invoices")
    expect(invoices.get_by_text("Imported from Jobber · #INV-7102")).to_be_visible()
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "import-history-invoices.png"), full_page=True)
    summary = demo.get(f"/customers/{customer['id']}/billing-summary")
    assert summary["balance_cents"] == 4000 and summary["total_paid_cents"] == 18950 + 20000

    # A second import of the same file sends nothing again.
    again = demo.session.post(f"{demo.base}/api/imports", files={"file": ("jobs.csv", history, "text/csv")},
                              data={"layout": "jobber", "kind": "history"}, timeout=30).json()["dry_run"]
    assert (again["would_create"], again["would_match"], again["would_skip"]) == (0, 2, 1)
