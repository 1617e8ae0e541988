"""Settings → Import against the whole system: a broken file refused with nothing written, a Jobber export
dry-run, started and watched to the end while the importer process runs it, the skipped row in the report, and an
imported customer's Archived data tab showing the columns that mapped to nothing."""
import csv
import io
import re

from playwright.sync_api import expect

from browser.accessibility import accessibility_problems

HEADERS = ["Client ID", "First Name", "Last Name", "Company Name", "E-mail", "Main Phone #", "Billing Street 1",
           "Billing City", "Billing State", "Billing Zip code", "Client Notes", "Referred By"]


def export(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for i in range(1, rows + 1):
        phone = "12" if i == 7 else f"(217) 555-{7000 + i:04d}"  # row 7: not a phone number, skipped
        writer.writerow([f"JB-{i}", f"Quill{i}", "Marchetti", "", f"quill{i}@example.org", phone, f"{40 + i} Elm St",
                         "Springfield", "IL", "62701", f"Side gate, dog named Rex {i}", "Yard sign"])
    return out.getvalue().encode()


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
