"""A customer export read: the file checked whole (encoding, CSV shape, columns), then each row mapped to what is
stored, or to the reason it is skipped."""
from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field

from customers.domain import addresses, phones
from customers.domain.import_layouts import folded

MAX_ROWS = 100_000


class BadFile(ValueError):
    """The file as a whole cannot be imported; ``problems`` by field, as a 422 shows them."""

    def __init__(self, problems: dict[str, list[str]]):
        super().__init__(problems)
        self.problems = problems


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[str]]


def read_csv(data: bytes) -> Sheet:
    """Every row of the file, or BadFile: not UTF-8, a line that breaks the CSV, rows of the wrong width."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadFile({"file": [f"The file is not UTF-8 text (byte {exc.start + 1} is not): export it as "
                                "CSV UTF-8 and upload it again."]}) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise BadFile({"file": [f"Line {reader.line_num} is not valid CSV ({exc}): nothing was imported."]}) from None
    if not rows:
        raise BadFile({"file": ["The file is empty."]})
    headers = [h.strip() for h in rows[0]]
    if len({folded(h) for h in headers}) != len(headers):
        raise BadFile({"file": ["Two columns have the same name."]})
    body = rows[1:]
    for index, row in enumerate(body):
        if len(row) != len(headers):
            raise BadFile({"file": [f"Row {index + 1} has {len(row)} cells where the header has {len(headers)}: "
                                    "nothing was imported."]})
    if len(body) > MAX_ROWS:
        raise BadFile({"file": [f"The file has {len(body)} rows; at most {MAX_ROWS} are imported at once."]})
    return Sheet(headers, body)


@functools.lru_cache(maxsize=65536)
def _standard_area(country: str, region: str, postal_code: str) -> tuple[str, str, str] | str:
    """(country, region, postcode) in standard form, or what is wrong: the check reads only these three, and an
    export repeats the same few thousand of them, each costing a read of the country's rules."""
    try:
        standard = addresses.checked({"country": country, "region": region, "postal_code": postal_code})
    except addresses.InvalidAddress as exc:
        return "Address: " + " ".join(exc.problems.values())
    return standard["country"], standard["region"], standard["postal_code"]


@dataclass
class Mapped:
    """A row as it will be stored."""

    row_number: int
    display_name: str
    company: str | None
    kind: str
    source_id: str | None
    number: str | None
    emails: list[str] = field(default_factory=list)
    phones: list[tuple[str, str, str | None]] = field(default_factory=list)  # entered, E.164, extension
    address: dict | None = None
    lead_source: str | None = None
    tags: list[str] = field(default_factory=list)
    archived: dict[str, str] = field(default_factory=dict)

    def keys(self, system: str) -> list[str]:
        """The natural keys a second import of this row is recognised by, strongest first."""
        if self.source_id:
            return [f"id:{system}:{self.source_id}"]
        return [f"phone:{p[1]}" for p in self.phones[:1]] + [f"email:{e}" for e in self.emails[:1]]


@dataclass(frozen=True)
class Skipped:
    row_number: int
    reason: str


def _kind(text: str, company: str | None) -> str:
    value = text.strip().lower()
    if value.startswith("comm") or value == "business":
        return "commercial"
    if value.startswith("res") or value in ("home", "homeowner"):
        return "residential"
    return "commercial" if company and not value else "residential"


def map_row(row_number: int, cells: list[str], headers: list[str], mapping: dict[str, str]) -> Mapped | Skipped:
    by_column = {h: cell.strip() for h, cell in zip(headers, cells)}
    value = {f: by_column.get(column, "") for f, column in mapping.items()}
    mapped_columns = set(mapping.values())
    name = value.get("display_name") or " ".join(v for v in (value.get("first_name"), value.get("last_name")) if v)
    company = value.get("company") or None
    name = name or company or ""
    if not name:
        return Skipped(row_number, "No name: the name columns are empty.")
    if len(name) > 200:
        return Skipped(row_number, "The name is longer than 200 characters.")
    mapped = Mapped(row_number, name, company, _kind(value.get("kind", ""), company), value.get("source_id") or None,
                    value.get("number") or None, lead_source=(value.get("lead_source") or None),
                    tags=[t.strip()[:40] for t in value.get("tags", "").split(",") if t.strip()])
    for column in ("email",):
        email = value.get(column, "").lower()
        if email:
            if "@" not in email or " " in email or len(email) > 254:
                return Skipped(row_number, f"Not an email address: {email[:60]}")
            mapped.emails.append(email)
    for column in ("phone", "phone2"):
        entered = value.get(column, "")
        if entered:
            try:
                e164, extension = phones.parse(entered)
            except phones.InvalidPhone:
                return Skipped(row_number, f"Not a phone number: {entered[:40]}")
            if all(p[1] != e164 for p in mapped.phones):
                mapped.phones.append((entered[:40], e164, extension))
    if value.get("line1"):
        address = {"line1": value["line1"], "line2": value.get("line2") or None, "city": value.get("city", ""),
                   "region": value.get("region", ""), "postal_code": value.get("postal_code", ""),
                   "country": value.get("country") or addresses.DEFAULT_COUNTRY}
        if not address["city"]:
            return Skipped(row_number, "The address has no city.")
        area = _standard_area(address["country"], address["region"], address["postal_code"])
        if isinstance(area, str):
            return Skipped(row_number, area)
        mapped.address = {**address, "country": area[0], "region": area[1], "postal_code": area[2]}
    mapped.archived = {h: v for h, v in by_column.items() if h not in mapped_columns and v}
    return mapped
