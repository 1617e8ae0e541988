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


# Past jobs and invoices of the customers above, one job with its invoice per row, in each system's history layout.
def jobber_history(n: int, start: int = 1) -> bytes:
    headers = ["Job #", "Client ID", "Client Name", "Title", "Instructions", "Completed Date", "Assigned To",
               "Invoice #", "Issued Date", "Due Date", "Total ($)", "Balance ($)", "Invoice Status", "Job Type"]
    rows = [[str(5000 + i), f"J{i}", f"Jordan{i} Alvarez", "Furnace tune-up", "Replaced the filter",
             f"03/{1 + i % 28:02d}/2023", "Sam Ortiz", f"INV-{7000 + i}", f"03/{1 + i % 28:02d}/2023",
             f"04/{1 + i % 28:02d}/2023", "$1,189.50", "$0.00" if i % 2 else "$189.50",
             "Void" if i % 7 == 0 else "Paid", "Maintenance"] for i in range(start, start + n)]
    return _csv(headers, rows)


def housecall_pro_history(n: int, start: int = 1) -> bytes:
    headers = ["job_number", "customer_id", "description", "notes", "completed_at", "assigned_employees",
               "invoice_number", "invoice_date", "due_date", "total_amount", "amount_paid", "invoice_status"]
    rows = [[f"hcp-job-{i}", f"hcp_{i:06d}", "Water heater flush", "", f"2022-11-{1 + i % 28:02d}T15:30:00Z",
             "Riley Chen", f"{8000 + i}", f"2022-11-{1 + i % 28:02d}", "", "245.00", "245.00", "paid"]
            for i in range(start, start + n)]
    return _csv(headers, rows)


def servicetitan_history(n: int, start: int = 1) -> bytes:
    headers = ["Job #", "Customer Id", "Job Type", "Summary", "Completed On", "Technician", "Invoice #",
               "Invoice Date", "Due Date", "Total", "Balance", "Invoice Status", "Business Unit"]
    rows = [[f"{60000 + i}", str(9000 + i), "Rooftop unit repair", "Compressor contactor", "2024-01-15",
             "Pat Lee", f"{90000 + i}", "2024-01-15", "2024-02-14", "1,020.00", "1,020.00", "Posted", "HVAC"]
            for i in range(start, start + n)]
    return _csv(headers, rows)


HISTORY_LAYOUTS = {"jobber": jobber_history, "housecall_pro": housecall_pro_history,
                   "servicetitan": servicetitan_history}
