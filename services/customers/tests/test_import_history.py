"""Importing a past system's job and invoice history: each row finds its customer (imported from the same system
before, or by our number, email or phone) and is announced as `history.imported` for jobs and billing; a second
import of the same file announces nothing again; an unreadable or unknown-customer row is skipped with its reason."""
from __future__ import annotations

import importlib.util
import io
import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldwork_contracts.checking import validate_event
from customers.entrypoints.importer import run_pending

_spec = importlib.util.spec_from_file_location("import_files", Path(__file__).with_name("import_files.py"))
import_files = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_files)


@pytest.fixture
def client(app_without_geocoding):
    return app_without_geocoding.test_client()


def upload(client, auth, data: bytes, layout: str, kind: str = "history", **form):
    return client.post("/imports", headers=auth, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), f"{layout}.csv"), "layout": layout, "kind": kind, **form})


def run_to_end(app, client, auth, import_id):
    assert client.post(f"/imports/{import_id}/start", headers=auth).status_code == 202
    run_pending(app.extensions["fieldwork"].database)
    return client.get(f"/imports/{import_id}", headers=auth).json


def import_customers(app, client, auth, layout: str, n: int):
    created = upload(client, auth, import_files.LAYOUTS[layout](n), layout, kind="customers").json
    assert run_to_end(app, client, auth, created["import"]["id"])["rows_created"] == n


@pytest.fixture
def announced(app_without_geocoding, emitted, account_id):
    """The ``history.imported`` envelopes the service has put in its outbox for this test's account."""
    return lambda: emitted(app_without_geocoding, account_id, "history.imported")


@pytest.mark.parametrize("layout", sorted(import_files.HISTORY_LAYOUTS))
def test_each_layout_dry_runs_then_announces_every_row_for_its_customer(app_without_geocoding, client, auth, layout,
                                                                        announced):
    app = app_without_geocoding
    import_customers(app, client, auth, layout, 4)
    response = upload(client, auth, import_files.HISTORY_LAYOUTS[layout](4), layout)
    assert response.status_code == 201, response.json
    dry = response.json["dry_run"]
    assert (dry["rows_checked"], dry["would_create"], dry["would_skip"]) == (4, 4, 0)
    assert dry["preview"] == [] and len(dry["history_preview"]) == 4
    first = dry["history_preview"][0]
    assert first["job"]["title"] and first["job"]["completed_on"] and first["invoice"]["total_cents"] > 0
    assert response.json["import"]["kind"] == "history"
    assert announced() == []  # the dry run sends nothing

    done = run_to_end(app, client, auth, response.json["import"]["id"])
    assert (done["status"], done["rows_created"], done["rows_failed"]) == ("done", 4, 0)
    events = announced()
    assert len(events) == 4
    for envelope in events:
        validate_event(envelope)
    customers = {c["id"] for c in client.get("/customers?limit=10", headers=auth).json["items"]}
    assert {e["data"]["customer_id"] for e in events} == customers
    rows = client.get(f"/imports/{done['id']}/rows", headers=auth).json["items"]
    assert {r["customer_id"] for r in rows} == customers


def test_amounts_days_and_void_are_read_as_the_export_writes_them(app_without_geocoding, client, auth, announced):
    app = app_without_geocoding
    import_customers(app, client, auth, "jobber", 7)
    run_to_end(app, client, auth, upload(client, auth, import_files.jobber_history(7), "jobber").json["import"]["id"])
    by_row = {e["data"]["row_number"]: e["data"] for e in announced()}
    # Row 2 is Jordan2's: "$1,189.50" owed "$189.50"; row 1 paid in full; row 7 was voided.
    assert by_row[2]["invoice"] | {"id": None} == {
        "id": None, "source_number": "INV-7002", "job_id": by_row[2]["job"]["id"], "issued_on": "2023-03-03",
        "due_on": "2023-04-03", "currency": "USD", "total_cents": 118950, "paid_cents": 100000, "voided": False,
        "description": "Furnace tune-up"}
    assert by_row[1]["invoice"]["paid_cents"] == 118950
    assert by_row[7]["invoice"]["voided"] is True
    assert by_row[2]["job"] | {"id": None} == {
        "id": None, "source_number": "5002", "title": "Furnace tune-up", "description": "Replaced the filter",
        "property_id": None, "completed_on": "2023-03-03", "technician": "Sam Ortiz"}
    assert by_row[2]["source"] == "Jobber"
    # The columns mapped to nothing stay with the customer, named by the job they came with.
    jordan2 = by_row[2]["customer_id"]
    kept = client.get(f"/customers/{jordan2}/archived", headers=auth).json["items"]
    from_history = [k for k in kept if k["source"] == "Jobber job 5002"]
    assert [[(f["name"], f["value"]) for f in k["fields"]] for k in from_history] == [
        [("Client Name", "Jordan2 Alvarez"), ("Job Type", "Maintenance")]]


def test_importing_the_same_history_twice_announces_nothing_twice(app_without_geocoding, client, auth, announced):
    app = app_without_geocoding
    import_customers(app, client, auth, "servicetitan", 5)
    data = import_files.servicetitan_history(5)
    run_to_end(app, client, auth, upload(client, auth, data, "servicetitan").json["import"]["id"])
    first = announced()
    again = upload(client, auth, data, "servicetitan").json
    assert again["dry_run"]["would_create"] == 0 and again["dry_run"]["would_match"] == 5
    assert {r["matched_by"] for r in again["dry_run"]["report"]} == {"previous import"}
    done = run_to_end(app, client, auth, again["import"]["id"])
    assert (done["rows_created"], done["rows_matched"]) == (0, 5)
    assert announced() == first
    # The records a row names are the same on every import: jobs and billing keep each once.
    assert len({e["data"]["job"]["id"] for e in first}) == 5


def test_rows_naming_no_customer_here_or_unreadable_are_skipped_with_why(app_without_geocoding, client, auth, create):
    app = app_without_geocoding
    import_customers(app, client, auth, "jobber", 1)
    by_email = create(display_name="Walk-in Wendy", contacts=[{"name": "Wendy", "emails": ["wendy@example.com"]}])
    csv = ("Client ID,Client E-mail,Title,Completed Date,Total ($),Invoice #\r\n"
           "J1,,Gutter clean,2023-05-02,120.00,A-1\r\n"
           "J404,,Gutter clean,2023-05-02,120.00,A-2\r\n"
           ",wendy@example.com,Dryer vent,05/09/2023,$80,A-3\r\n"
           "J1,,Fence fix,last Tuesday,10.00,A-4\r\n"
           "J1,,Roof,2023-05-02,-5.00,A-5\r\n"
           "J1,,Gutter clean,2023-05-02,120.00,A-1\r\n").encode()
    mapping = {"customer_source_id": "Client ID", "customer_email": "Client E-mail", "job_title": "Title",
               "completed_on": "Completed Date", "total": "Total ($)", "invoice_source_id": "Invoice #"}
    # A file mapped by hand names the customers by the ids their own system's import kept.
    response = upload(client, auth, csv, "manual", mapping=json.dumps(mapping))
    assert response.status_code == 201, response.json
    report = {r["row_number"]: r for r in response.json["dry_run"]["report"]}
    assert (report[1]["outcome"], report[1]["matched_by"]) == ("created", "previous import")
    assert "No customer here with customer id J404" in report[2]["reason"]
    assert (report[3]["outcome"], report[3]["customer_id"], report[3]["matched_by"]) == (
        "created", by_email["id"], "email")
    assert report[4]["reason"] == "Not a day: last Tuesday"
    assert report[5]["reason"] == "A negative amount: -5.00"
    assert (report[6]["outcome"], report[6]["matched_by"]) == ("matched", "earlier row")


def test_a_jobber_history_row_names_the_jobber_customer_and_repeats_are_sent_once(
        app_without_geocoding, client, auth):
    app = app_without_geocoding
    import_customers(app, client, auth, "jobber", 1)
    data = import_files.jobber_history(1) + import_files.jobber_history(1).split(b"\r\n", 1)[1]
    report = upload(client, auth, data, "jobber").json["dry_run"]["report"]
    assert [(r["outcome"], r["matched_by"]) for r in report] == [("created", "previous import"),
                                                                 ("matched", "earlier row")]


def test_a_file_that_is_not_a_history_export_writes_nothing(app_without_geocoding, client, auth):
    response = upload(client, auth, import_files.jobber(3), "jobber")
    assert response.status_code == 422
    assert "not a Jobber job and invoice history export" in response.json["error"]["fields"]["file"][0]
    manual = upload(client, auth, b"Title,Total\r\nGutters,10\r\n", "manual",
                    mapping=json.dumps({"job_title": "Title", "total": "Total"}))
    assert manual.status_code == 422
    assert "mapping.customer_source_id" in manual.json["error"]["fields"]
    assert client.get("/imports", headers=auth).json == []


def test_history_follows_a_customer_merged_since_their_import(app_without_geocoding, client, auth, create):
    app = app_without_geocoding
    import_customers(app, client, auth, "jobber", 1)
    imported = client.get("/customers", headers=auth).json["items"][0]
    keeper = create(display_name="Jordan Alvarez (new)")
    merged = client.post(f"/customers/{keeper['id']}/merge", headers=auth,
                         json={"duplicate_id": imported["id"]})
    assert merged.status_code in (200, 201), merged.json
    dry = upload(client, auth, import_files.jobber_history(1), "jobber").json["dry_run"]
    assert dry["report"][0]["customer_id"] == keeper["id"]


def test_the_layouts_of_history_are_listed_with_their_fields(client, auth):
    listed = client.get("/imports/layouts?kind=history", headers=auth).json
    assert {l["name"] for l in listed["layouts"]} == {"jobber", "housecall_pro", "servicetitan"}
    assert "completed_on" in listed["fields"] and "display_name" not in listed["fields"]
    assert client.get("/imports/layouts?kind=invoices", headers=auth).status_code == 422


def test_an_erased_customer_leaves_no_import_key(app_without_geocoding, client, auth):
    app = app_without_geocoding
    import_customers(app, client, auth, "jobber", 1)
    customer = client.get("/customers", headers=auth).json["items"][0]
    erased = client.post(f"/customers/{customer['id']}/erase", headers=auth,
                         json={"confirm_name": customer["display_name"]})
    assert erased.status_code in (200, 202), erased.json
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        keys = connection.execute(text("SELECT source_key FROM import_keys WHERE customer_id = :c"),
                                  {"c": uuid.UUID(customer["id"])}).all()
    assert keys == []
