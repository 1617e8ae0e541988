"""Bad exports get a clear report and write nothing; a running import reports its progress batch by batch, and one
stopped half way resumes where it stopped without importing a row twice."""
from __future__ import annotations

import datetime as dt
import importlib.util
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from customers.domain.import_rows import read_csv
from customers.entrypoints.importer import run_pending
from customers.service_layer import imports

_spec = importlib.util.spec_from_file_location("import_files", Path(__file__).with_name("import_files.py"))
import_files = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_files)


def clock():
    return dt.datetime.now(dt.timezone.utc)


@pytest.fixture
def client(app_without_geocoding):
    return app_without_geocoding.test_client()


@pytest.fixture
def database(app_without_geocoding):
    return app_without_geocoding.extensions["fieldwork"].database


def upload(client, auth, data: bytes, layout: str = "jobber", **form):
    return client.post("/imports", headers=auth, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), "export.csv"), "layout": layout, **form})


def imports_count(database) -> int:
    with database.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM imports")).scalar()


GOOD = import_files.jobber(3)


@pytest.mark.parametrize("data, field, words", [
    ("Client ID,First Name,Last Name\r\n1,Zoë,Brandt\r\n".encode("latin-1"), "file", "not UTF-8"),
    (GOOD.replace(b"Jordan2", b'"Jordan2'), "file", "is not valid CSV"),
    (GOOD + b"J9,Too,Few\r\n", "file", "Row 4 has 3 cells where the header has 16"),
    (b"Client ID,E-mail\r\n1,a@example.com\r\n", "file", "no column 'First Name', 'Last Name'"),
    (b"", "file", "empty"),
])
def test_a_bad_file_is_refused_with_its_reason_and_writes_nothing(client, auth, database, table_counts, data, field,
                                                                  words):
    before, stored = table_counts(), imports_count(database)
    response = upload(client, auth, data)
    assert response.status_code == 422, response.json
    assert words in " ".join(response.json["error"]["fields"][field])
    assert table_counts() == before and imports_count(database) == stored


def test_a_manual_mapping_naming_a_missing_column_or_no_name_is_refused(client, auth, table_counts):
    before = table_counts()
    response = upload(client, auth, GOOD, "manual", mapping='{"email": "E-mail", "phone": "Fax"}')
    assert response.status_code == 422
    fields = response.json["error"]["fields"]
    assert fields["mapping.phone"] == ['The file has no column "Fax".']
    assert "name" in fields["mapping.display_name"][0]
    assert table_counts() == before


def test_progress_is_reported_batch_by_batch_and_a_stopped_import_resumes(client, auth, account_id, database,
                                                                         monkeypatch):
    monkeypatch.setattr(imports, "BATCH", 100)
    data = import_files.housecall_pro(450)
    created = upload(client, auth, data, "housecall_pro").json["import"]
    assert client.post(f"/imports/{created['id']}/start", headers=auth).status_code == 202
    assert client.post(f"/imports/{created['id']}/start", headers=auth).status_code == 409  # started once only
    sheet = read_csv(data)
    seen = []
    # Two batches, then the importer "stops": each batch is committed with the position it reached.
    for _ in range(2):
        with database.transaction(account_id=account_id) as session:
            assert imports.run_batch(session, created["id"], sheet, now=clock())
        seen.append(client.get(f"/imports/{created['id']}", headers=auth).json)
    assert [(s["status"], s["rows_done"], s["rows_created"]) for s in seen] == [("running", 100, 100),
                                                                                ("running", 200, 200)]
    assert seen[-1]["seconds_left"] is not None and seen[-1]["seconds_left"] >= 0
    # A new importer picks the unfinished import up where it stopped.
    assert run_pending(database) == 1
    done = client.get(f"/imports/{created['id']}", headers=auth).json
    assert (done["status"], done["rows_done"], done["rows_created"], done["seconds_left"]) == ("done", 450, 450, None)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*), count(DISTINCT number) FROM customers WHERE account_id = :a"),
                                  {"a": account_id}).one() == (450, 450)
    rows = client.get(f"/imports/{created['id']}/rows?limit=500", headers=auth).json["items"]
    assert [r["row_number"] for r in rows] == list(range(1, 451))
    assert run_pending(database) == 0  # nothing left to run



def test_an_export_of_100000_rows_is_not_refused_for_its_size(client, auth):
    """Past the 16 MB every other route takes; the dry run reads the first rows only."""
    data = import_files.jobber(100_000).replace(b"Gate code", b"Gate code (side entrance; ring twice)")
    assert len(data) > 16 * 1024 * 1024
    response = upload(client, auth, data)
    assert response.status_code == 201, str(response.json)[:300]
    assert response.json["import"]["total_rows"] == 100_000 and response.json["dry_run"]["rows_checked"] == 1000


def test_a_batch_that_keeps_failing_stops_its_import_until_retried(client, auth, account_id, database, monkeypatch):
    monkeypatch.setattr(imports, "BATCH", 100)
    created = upload(client, auth, import_files.housecall_pro(250), "housecall_pro").json["import"]
    assert client.post(f"/imports/{created['id']}/start", headers=auth).status_code == 202
    with database.transaction(account_id=account_id) as session:
        assert imports.run_batch(session, created["id"], read_csv(import_files.housecall_pro(250)), now=clock())
    # The report's table is gone (a real failure of the database, not a stand-in): the second batch fails whole.
    with database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE import_rows RENAME TO import_rows_away"))
    try:
        for attempt in range(1, imports.ATTEMPTS + 1):
            assert run_pending(database) == 1
            seen = client.get(f"/imports/{created['id']}", headers=auth).json
            assert (seen["attempts"], seen["rows_done"]) == (attempt, 100)
        assert seen["status"] == "failed"
        assert seen["error"] == "Rows 101–200 could not be stored (UndefinedTable); the rows before them are imported."
        assert run_pending(database) == 0  # a failed import is left alone
    finally:
        with database.engine.begin() as connection:
            connection.execute(text("ALTER TABLE import_rows_away RENAME TO import_rows"))

    assert client.post(f"/imports/{created['id']}/start", headers=auth).status_code == 409
    retried = client.post(f"/imports/{created['id']}/retry", headers=auth)
    assert retried.status_code == 202 and retried.json["status"] == "running"
    assert client.post(f"/imports/{created['id']}/retry", headers=auth).status_code == 409
    assert run_pending(database) == 1
    done = client.get(f"/imports/{created['id']}", headers=auth).json
    assert (done["status"], done["rows_done"], done["rows_created"], done["attempts"], done["error"]) == (
        "done", 250, 250, 0, None)
