"""Importing customers from another system's export: each layout's dry run, the import, a second run of the same
file, matching to customers already here, and the archived data the unmapped columns become."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

from customers.entrypoints.importer import run_pending

# The sample exports live beside the tests; importlib mode (pytest.ini) puts no test folder on the path.
_spec = importlib.util.spec_from_file_location("import_files", Path(__file__).with_name("import_files.py"))
import_files = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_files)
LAYOUTS, jobber = import_files.LAYOUTS, import_files.jobber


def upload(client, auth, data: bytes, layout: str, **form):
    return client.post("/imports", headers=auth, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), f"{layout}.csv"), "layout": layout, **form})


def run_to_end(app, client, auth, import_id):
    assert client.post(f"/imports/{import_id}/start", headers=auth).status_code == 202
    run_pending(app.extensions["fieldwork"].database)
    return client.get(f"/imports/{import_id}", headers=auth).json


@pytest.fixture
def client(app_without_geocoding):
    return app_without_geocoding.test_client()


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_layout_dry_runs_then_imports_every_row(app_without_geocoding, client, auth, layout):
    response = upload(client, auth, LAYOUTS[layout](5), layout)
    assert response.status_code == 201, response.json
    dry = response.json["dry_run"]
    assert (dry["rows_checked"], dry["would_create"], dry["would_skip"]) == (5, 5, 0)
    first = dry["preview"][0]
    assert first["display_name"] and first["emails"] and first["phones"] and first["address"]["city"]
    assert [r["outcome"] for r in dry["report"]] == ["created"] * 5
    assert response.json["import"]["status"] == "ready"
    # The dry run wrote no customer.
    assert client.get("/customers", headers=auth).json["items"] == []

    done = run_to_end(app_without_geocoding, client, auth, response.json["import"]["id"])
    assert (done["status"], done["rows_done"], done["rows_created"], done["rows_failed"]) == ("done", 5, 5, 0)
    customers = client.get("/customers?limit=10", headers=auth).json["items"]
    assert len(customers) == 5
    profile = client.get(f"/customers/{customers[0]['id']}", headers=auth).json
    assert profile["contacts"][0]["emails"] and profile["properties"][0]["line1"]


def test_a_servicetitan_commercial_customer_keeps_its_company_kind_and_unmapped_columns(
        app_without_geocoding, client, auth):
    import_id = upload(client, auth, LAYOUTS["servicetitan"](1), "servicetitan").json["import"]["id"]
    run_to_end(app_without_geocoding, client, auth, import_id)
    customer = client.get("/customers", headers=auth).json["items"][0]
    assert customer["kind"] == "commercial"
    archived = client.get(f"/customers/{customer['id']}/archived", headers=auth).json["items"]
    assert len(archived) == 1 and archived[0]["source"] == "ServiceTitan"
    # In the file's order, as the office knew them.
    assert [(f["name"], f["value"]) for f in archived[0]["fields"]] == [("Member Status", "Gold member"),
                                                                        ("Balance", "0.00")]


def test_importing_the_same_file_twice_creates_nothing_twice(app_without_geocoding, client, auth):
    data = jobber(20)
    first = run_to_end(app_without_geocoding, client, auth, upload(client, auth, data, "jobber").json["import"]["id"])
    assert first["rows_created"] == 20
    again = upload(client, auth, data, "jobber").json
    assert again["dry_run"]["would_create"] == 0 and again["dry_run"]["would_match"] == 20
    assert {r["matched_by"] for r in again["dry_run"]["report"]} == {"previous import"}
    second = run_to_end(app_without_geocoding, client, auth, again["import"]["id"])
    assert (second["rows_created"], second["rows_matched"]) == (0, 20)
    assert len(client.get("/customers?limit=100", headers=auth).json["items"]) == 20
    customer = client.get("/customers?limit=1", headers=auth).json["items"][0]
    # The archived columns were kept once, not once per run.
    assert len(client.get(f"/customers/{customer['id']}/archived", headers=auth).json["items"]) == 1


def test_a_row_matches_a_customer_already_here_by_phone_email_or_number(app_without_geocoding, client, auth):
    by_phone = client.post("/customers", headers=auth, json={
        "display_name": "Jordan One", "contacts": [{"name": "J", "phones": [{"number": "(512) 200-0001"}]}]}).json
    by_email = client.post("/customers", headers=auth, json={
        "display_name": "Jordan Two", "contacts": [{"name": "J", "emails": ["JORDAN2@example.com"]}]}).json
    by_number = client.post("/customers", headers=auth, json={"display_name": "Numbered"}).json
    manual = ('{"display_name": "Name", "number": "Our number", "email": "Mail", "phone": "Tel"}')
    data = ("Name,Our number,Mail,Tel\r\nJordan One,,,512-200-0001\r\nJordan Two,,jordan2@example.com,\r\n"
            f"Someone,{by_number['number']},,\r\nNew Person,,new@example.com,\r\n,,,\r\nNo Name Row,,not-an-email,\r\n"
            "Bad Phone,,,12\r\n").encode()
    response = upload(client, auth, data, "manual", mapping=manual)
    assert response.status_code == 201, response.json
    report = {r["row_number"]: r for r in response.json["dry_run"]["report"]}
    assert (report[1]["outcome"], report[1]["matched_by"], report[1]["customer_id"]) == (
        "matched", "phone", by_phone["id"])
    assert (report[2]["matched_by"], report[2]["customer_id"]) == ("email", by_email["id"])
    assert (report[3]["matched_by"], report[3]["customer_id"]) == ("number", by_number["id"])
    assert report[4]["outcome"] == "created"
    assert report[5]["outcome"] == "skipped" and "email" in report[5]["reason"]
    assert report[6]["outcome"] == "skipped" and "phone" in report[6]["reason"]
    done = run_to_end(app_without_geocoding, client, auth, response.json["import"]["id"])
    assert (done["rows_created"], done["rows_matched"], done["rows_failed"]) == (1, 3, 2)
    page = client.get(f"/imports/{done['id']}/rows?outcome=skipped", headers=auth).json
    assert [r["row_number"] for r in page["items"]] == [5, 6]


def test_the_same_customer_twice_in_one_file_is_created_once(app_without_geocoding, client, auth):
    data = "customer_id,first_name,last_name\r\nx1,Ana,Diaz\r\nx1,Ana,Diaz\r\n".encode()
    response = upload(client, auth, data, "housecall_pro")
    assert [r["matched_by"] for r in response.json["dry_run"]["report"]] == [None, "earlier row"]
    done = run_to_end(app_without_geocoding, client, auth, response.json["import"]["id"])
    assert (done["rows_created"], done["rows_matched"]) == (1, 1)
    rows = client.get(f"/imports/{done['id']}/rows", headers=auth).json["items"]
    assert rows[0]["customer_id"] == rows[1]["customer_id"] is not None
