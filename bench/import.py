"""Importing customers from another system: a Jobber-layout export of 100,000 customers, each with a contact
(email, two phones), a property and archived columns, uploaded to the service, dry-run, then run by the importer's
own loop (`run_pending`, batches committed with their position) while the import's progress is read as the page
reads it; then the same file again, which must create nothing. Ends with one JSON line.

    BENCH_ROWS   rows of the export (100000)

Everything runs on a scratch database that is dropped at the end. The rows are made here, from lists of names.
"""
from __future__ import annotations

import csv
import io
import os
import threading
import time
import uuid

from harness import JWT_SECRET, report, scratch_app
from sqlalchemy import text

from chassis.auth import mint_token
from customers.bootstrap import SPEC
from customers.entrypoints.importer import run_pending

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
FIRST = "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Dana Sam".split()
LAST = "Smith Johnson Williams Brown Jones Garcia Miller Davis Whitfield Okafor Lindqvist Nguyen Alvarez".split()
STREETS = "Cedar Oak Maple Pine Elm Willow Birch Ridgeview Lakeshore Meadow Highland Sunset Riverside".split()
CITIES = (("Austin", "TX", "787"), ("Columbus", "OH", "432"), ("Denver", "CO", "802"), ("Tampa", "FL", "336"))
HEADERS = ["Client ID", "First Name", "Last Name", "Company Name", "E-mail", "Main Phone #", "Mobile Phone #",
           "Billing Street 1", "Billing Street 2", "Billing City", "Billing State", "Billing Zip code", "Lead Source",
           "Tags", "Created Date", "Client Notes", "Balance"]


def export(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for i in range(rows):
        first, last = FIRST[i % len(FIRST)], LAST[i // len(FIRST) % len(LAST)]
        city, state, zip3 = CITIES[i % len(CITIES)]
        commercial = i % 10 == 0
        writer.writerow([f"C{100000 + i}", first, last, f"{last} Dental" if commercial else "",
                         f"{first.lower()}.{last.lower()}{i}@example.com", f"(555) {i // 10000 % 1000:03d}-{i % 10000:04d}",
                         f"(556) {i // 10000 % 1000:03d}-{i % 10000:04d}", f"{1 + i % 9000} {STREETS[i % len(STREETS)]} St",
                         "Unit 2" if i % 7 == 0 else "", city, state, f"{zip3}{i % 100:02d}", "Google", "VIP, Furnace",
                         f"2019-0{1 + i % 9}-1{i % 10}", f"Gate code {i % 10000}", f"{i % 500}.00"])
    return out.getvalue().encode()


def main() -> None:
    data = export(ROWS)
    print(f"export: {ROWS} rows, {len(data) / 1e6:.1f} MB; load average {os.getloadavg()[0]:.1f} at the start")
    with scratch_app(SPEC, max_content_length=64 * 1024 * 1024) as app:
        database = app.extensions["fieldwork"].database
        account = uuid.uuid4()
        headers = {"Authorization": f"Bearer {mint_token(JWT_SECRET, sub='bench', account_id=account)}"}
        client = app.test_client()
        timings, progress = {}, []

        def upload_and_run(label: str) -> dict:
            started = time.perf_counter()
            response = client.post("/imports", headers=headers, content_type="multipart/form-data",
                                   data={"file": (io.BytesIO(data), "clients.csv"), "layout": "jobber"})
            assert response.status_code == 201, response.json
            timings[f"{label}: upload + dry run"] = time.perf_counter() - started
            import_id = response.json["import"]["id"]
            assert client.post(f"/imports/{import_id}/start", headers=headers).status_code == 202
            runner = threading.Thread(target=run_pending, args=(database,))
            started = time.perf_counter()
            runner.start()
            while runner.is_alive():
                runner.join(2.0)
                seen = client.get(f"/imports/{import_id}", headers=headers).json
                progress.append((label, round(time.perf_counter() - started, 1), seen["rows_done"],
                                 seen["seconds_left"]))
            timings[f"{label}: import"] = time.perf_counter() - started
            return client.get(f"/imports/{import_id}", headers=headers).json

        first = upload_and_run("first")
        second = upload_and_run("again")
        with database.engine.connect() as connection:
            counts = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in (
                "customers", "contacts", "contact_phones", "properties", "customer_archived_fields", "outbox")}

    print(f"\n{'phase':<28}{'seconds':>10}{'rows/s':>10}")
    for phase, seconds in timings.items():
        print(f"{phase:<28}{seconds:>10.1f}{ROWS / seconds:>10.0f}")
    print(f"\n{'run':<8}{'at s':>8}{'rows done':>12}{'s left':>8}   (progress as GET /imports/<id> showed it)")
    for label, at, done, left in progress[::max(1, len(progress) // 12)]:
        print(f"{label:<8}{at:>8}{done:>12}{left if left is not None else '-':>8}")
    print(f"\nfirst run: created {first['rows_created']}, matched {first['rows_matched']}, "
          f"failed {first['rows_failed']}; again: created {second['rows_created']}, matched {second['rows_matched']}")
    print("rows stored: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    assert first["rows_created"] == ROWS and second["rows_created"] == 0 and counts["customers"] == ROWS
    report({"rows": ROWS, "rows_per_s": round(ROWS / timings["first: import"]),
            "rerun_rows_per_s": round(ROWS / timings["again: import"]),
            "dry_run_s": round(timings["first: upload + dry run"], 1)})


if __name__ == "__main__":
    main()
