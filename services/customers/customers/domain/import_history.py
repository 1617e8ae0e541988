"""A past system's job and invoice history, read row by row: which customer a row belongs to, the past job and the
past invoice it holds, or the reason it is skipped.

Each row is one past job with its invoice (either may be missing: an invoice for no job, a job never billed). The
customer is named the way the other system names it (its customer id, as the customer export carried it), or by
our number, an email or a phone. Amounts and days come as exports write them: ``$1,234.50``, ``04/18/2024``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from customers.domain import phones
from customers.domain.import_layouts import Layout, folded, unknown_columns
from customers.domain.import_rows import Skipped

FIELDS = {
    "customer_source_id": "The other system's customer id (as in its customer export)",
    "customer_number": "Our customer number (C-1001)",
    "customer_email": "The customer's email",
    "customer_phone": "The customer's phone",
    "job_source_id": "The job's number or id in the other system",
    "job_title": "What the job was",
    "job_description": "Notes on the job",
    "completed_on": "The day the job was done",
    "technician": "Who did it",
    "invoice_source_id": "The invoice's number in the other system",
    "issued_on": "The day the invoice was issued",
    "due_on": "The day the invoice was due",
    "total": "The invoice's total",
    "paid": "What was paid of it",
    "balance": "What was still owed on it (when the export gives no amount paid)",
    "invoice_status": "The invoice's status (a void one is kept void)",
    "currency": "Currency (ISO code); USD when not given",
}
CUSTOMER_FIELDS = ("customer_source_id", "customer_number", "customer_email", "customer_phone")

LAYOUTS = {layout.name: layout for layout in (
    Layout("jobber", "Jobber", {
        "customer_source_id": "Client ID", "job_source_id": "Job #", "job_title": "Title",
        "job_description": "Instructions", "completed_on": "Completed Date", "technician": "Assigned To",
        "invoice_source_id": "Invoice #", "issued_on": "Issued Date", "due_on": "Due Date", "total": "Total ($)",
        "balance": "Balance ($)", "invoice_status": "Invoice Status"}),
    Layout("housecall_pro", "Housecall Pro", {
        "customer_source_id": "customer_id", "job_source_id": "job_number", "job_title": "description",
        "job_description": "notes", "completed_on": "completed_at", "technician": "assigned_employees",
        "invoice_source_id": "invoice_number", "issued_on": "invoice_date", "due_on": "due_date",
        "total": "total_amount", "paid": "amount_paid", "invoice_status": "invoice_status"}),
    Layout("servicetitan", "ServiceTitan", {
        "customer_source_id": "Customer Id", "job_source_id": "Job #", "job_title": "Job Type",
        "job_description": "Summary", "completed_on": "Completed On", "technician": "Technician",
        "invoice_source_id": "Invoice #", "issued_on": "Invoice Date", "due_on": "Due Date", "total": "Total",
        "balance": "Balance", "invoice_status": "Invoice Status"}),
)}



def mapping_problems(mapping: dict[str, str], headers: list[str]) -> dict[str, list[str]]:
    """What is wrong with ``mapping`` against the file's ``headers``, by field; {} if nothing."""
    problems = unknown_columns(mapping, headers, FIELDS)
    if not any(mapping.get(f) for f in CUSTOMER_FIELDS):
        problems["customer_source_id"] = ["Map a column naming the customer (their id in the other system, our "
                                          "number, an email or a phone)."]
    if not (mapping.get("completed_on") or mapping.get("total")):
        problems["completed_on"] = ["Map the day the job was done, or the invoice's total (or both)."]
    return problems


def required_missing(layout: str, headers: list[str]) -> list[str]:
    """The columns of ``layout`` a history export of it always has, that the file lacks."""
    if layout not in LAYOUTS:
        return []
    present = {folded(h) for h in headers}
    columns = LAYOUTS[layout].columns
    return [columns[f] for f in ("customer_source_id", "completed_on") if folded(columns[f]) not in present]


_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y", "%b %d, %Y", "%B %d, %Y")
_ID_NAMESPACE = uuid.UUID("6f1c2b0e-4d3a-4e59-9b7c-2a8d0e1f3c45")


class BadValue(ValueError):
    pass


def parse_day(text: str) -> dt.date:
    """A day as exports write it; a date-time keeps its day (``2024-04-18T15:30:00Z``, ``04/18/2024 3:30 PM``)."""
    value = text.strip()
    head = re.split(r"[T ]", value, maxsplit=1)[0] if re.match(r"^\d{4}-\d\d-\d\d[T ]", value) else value
    for candidate in (head, value.split(" ")[0]):
        for pattern in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(candidate, pattern).date()
            except ValueError:
                continue
    raise BadValue(f"Not a day: {value[:40]}")


def parse_cents(text: str) -> int:
    """``$1,234.50``, ``1234.5``, ``(12.00)`` as cents; a negative amount is refused (past money in is kept as
    paid, never as a negative invoice)."""
    value = text.strip().replace(",", "").replace("$", "").replace(" ", "")
    if value.startswith("(") and value.endswith(")"):
        raise BadValue(f"A negative amount: {text.strip()[:40]}")
    try:
        amount = Decimal(value or "0")
    except InvalidOperation:
        raise BadValue(f"Not an amount: {text.strip()[:40]}") from None
    if amount < 0:
        raise BadValue(f"A negative amount: {text.strip()[:40]}")
    if amount != amount.quantize(Decimal("0.01")):
        raise BadValue(f"More than two decimals: {text.strip()[:40]}")
    return int(amount * 100)


@dataclass(frozen=True)
class PastJob:
    source_number: str | None
    title: str
    description: str | None
    completed_on: dt.date
    technician: str | None


@dataclass(frozen=True)
class PastInvoice:
    source_number: str | None
    issued_on: dt.date
    due_on: dt.date | None
    currency: str
    total_cents: int
    paid_cents: int
    voided: bool
    description: str


@dataclass(frozen=True)
class HistoryRow:
    row_number: int
    customer_source_id: str | None
    customer_number: str | None
    customer_email: str | None
    customer_phone: str | None  # E.164
    job: PastJob | None
    invoice: PastInvoice | None
    fingerprint: str            # the row's cells, for a row with no number of its own
    archived: dict[str, str] = field(default_factory=dict)  # the columns mapped to nothing, kept with the customer

    def archived_as(self, source: str) -> str:
        """How the Archived data tab names what this row kept: the system and the record it came with."""
        if self.job and self.job.source_number:
            return f"{source} job {self.job.source_number}"[:60]
        if self.invoice and self.invoice.source_number:
            return f"{source} invoice {self.invoice.source_number}"[:60]
        return f"{source} history, row {self.row_number}"[:60]

    def key(self, system: str) -> str:
        """How a second import of this row is recognised: the job's number, else the invoice's, else its cells."""
        if self.job and self.job.source_number:
            return f"history:{system}:job:{self.job.source_number}"
        if self.invoice and self.invoice.source_number:
            return f"history:{system}:invoice:{self.invoice.source_number}"
        return f"history:{system}:row:{self.fingerprint}"

    def customer_keys(self, system: str) -> list[str]:
        """The keys a customer import stored for this row's customer: the same system's; for a file mapped by hand,
        any system's (its customers may have come in by their system's layout)."""
        if not self.customer_source_id:
            return []
        systems = [system] if system in LAYOUTS else [system, *LAYOUTS]
        return [f"id:{s}:{self.customer_source_id}" for s in systems]


def record_ids(account_id: uuid.UUID, key: str) -> tuple[uuid.UUID, uuid.UUID]:
    """The job's and the invoice's ids: the same row imported again names the same records."""
    return (uuid.uuid5(_ID_NAMESPACE, f"{account_id}:{key}:job"),
            uuid.uuid5(_ID_NAMESPACE, f"{account_id}:{key}:invoice"))


def _is_void(status: str) -> bool:
    return status.strip().lower() in ("void", "voided", "cancelled", "canceled", "bad debt")


def _invoice(value: dict[str, str], job: PastJob | None) -> PastInvoice | None:
    if not (value.get("invoice_source_id") or value.get("total") or value.get("issued_on")):
        return None
    total = parse_cents(value.get("total", ""))
    if value.get("paid"):
        paid = parse_cents(value["paid"])
    elif value.get("balance"):
        paid = total - parse_cents(value["balance"])
    else:
        paid = 0
    if not 0 <= paid <= total:
        raise BadValue("What was paid is more than the invoice's total.")
    issued = value.get("issued_on")
    issued_on = parse_day(issued) if issued else job.completed_on if job else None
    if issued_on is None:
        raise BadValue("The invoice has no issue day.")
    due_on = parse_day(value["due_on"]) if value.get("due_on") else None
    currency = (value.get("currency") or "USD").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise BadValue(f"Not a currency code: {currency[:10]}")
    number = value.get("invoice_source_id") or None
    described = job.title if job else f"Invoice {number}" if number else "Imported invoice"
    return PastInvoice(number[:40] if number else None, issued_on, due_on if due_on and due_on >= issued_on else None,
                       currency, total, paid, _is_void(value.get("invoice_status", "")), described[:500])


def map_history_row(row_number: int, cells: list[str], headers: list[str],
                    mapping: dict[str, str]) -> HistoryRow | Skipped:
    by_column = {h: cell.strip() for h, cell in zip(headers, cells)}
    value = {f: by_column.get(column, "") for f, column in mapping.items()}
    if not any(value.get(f) for f in CUSTOMER_FIELDS):
        return Skipped(row_number, "No customer: the customer id, number, email and phone columns are empty.")
    try:
        phone = phones.parse(value["customer_phone"])[0] if value.get("customer_phone") else None
    except phones.InvalidPhone:
        return Skipped(row_number, f"Not a phone number: {value['customer_phone'][:40]}")
    try:
        job = None
        if value.get("job_title") or value.get("job_source_id") or value.get("completed_on"):
            if not value.get("completed_on"):
                raise BadValue("The job has no day it was done.")
            number = value.get("job_source_id") or None
            title = value.get("job_title") or (f"Job {number}" if number else "Imported job")
            description, technician = value.get("job_description") or None, value.get("technician") or None
            job = PastJob(number and number[:40], title[:200], description and description[:4000],
                          parse_day(value["completed_on"]), technician and technician[:200])
        invoice = _invoice(value, job)
    except BadValue as exc:
        return Skipped(row_number, str(exc))
    if job is None and invoice is None:
        return Skipped(row_number, "Neither a job nor an invoice: the row's job and invoice columns are empty.")
    fingerprint = hashlib.sha256("\x1f".join(cells).encode()).hexdigest()[:32]
    mapped_columns = set(mapping.values())
    archived = {h: v for h, v in by_column.items() if h not in mapped_columns and v}
    return HistoryRow(row_number, value.get("customer_source_id") or None, value.get("customer_number") or None,
                      (value.get("customer_email") or "").lower() or None, phone, job, invoice, fingerprint, archived)
