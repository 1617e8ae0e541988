"""Customer exports in the column layouts of other systems, written by the tests (nothing copied from anywhere)."""
from __future__ import annotations

import csv
import io

STREETS = ("Ridgeview Dr", "Lake Rd", "Barton Springs Rd", "Congress Ave", "Cesar Chavez St")


def _csv(headers: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode()


def _phone(i: int) -> str:
    return f"(512) {200 + i // 10000 % 800:03d}-{i % 10000:04d}"


def jobber(n: int, start: int = 1) -> bytes:
    headers = ["Client ID", "First Name", "Last Name", "Company Name", "E-mail", "Main Phone #", "Mobile Phone #",
               "Billing Street 1", "Billing Street 2", "Billing City", "Billing State", "Billing Zip code",
               "Lead Source", "Tags", "Created Date", "Client Notes"]
    rows = [[f"J{i}", f"Jordan{i}", "Alvarez", "", f"jordan{i}@example.com", _phone(i), "",
             f"{100 + i} {STREETS[i % 5]}", "", "Austin", "TX", "78701", "Google", "VIP, Furnace",
             "2019-03-0{}".format(1 + i % 9), f"Gate code {1000 + i}"] for i in range(start, start + n)]
    return _csv(headers, rows)


def housecall_pro(n: int, start: int = 1) -> bytes:
    headers = ["customer_id", "first_name", "last_name", "company", "email", "mobile_number", "home_number",
               "street", "street_line_2", "city", "state", "zip", "lead_source", "tags", "notes",
               "lifetime_value"]
    rows = [[f"hcp_{i:06d}", f"Casey{i}", "Nguyen", "", f"casey{i}@example.net", _phone(i), "",
             f"{200 + i} {STREETS[i % 5]}", "Apt 2", "Round Rock", "Texas", "78664", "Yelp", "",
             "Prefers mornings", f"{i * 10}.00"] for i in range(start, start + n)]
    return _csv(headers, rows)


def servicetitan(n: int, start: int = 1) -> bytes:
    headers = ["Customer Id", "Customer Name", "Customer Type", "Email", "Phone", "Location Address",
               "Location City", "Location State", "Location Zip", "Member Status", "Balance"]
    rows = [[str(9000 + i), f"Harbor Dental {i}", "Commercial", f"office{i}@harbor.example", _phone(i),
             f"{300 + i} {STREETS[i % 5]}", "Austin", "TX", "78702", "Gold member", "0.00"]
            for i in range(start, start + n)]
    return _csv(headers, rows)


LAYOUTS = {"jobber": jobber, "housecall_pro": housecall_pro, "servicetitan": servicetitan}
