"""The column layouts of other field-service systems' customer exports, and the fields a column can map to.

A layout names, for each field of ours, the column of the export that holds it; every other column of the file
is kept as the customer's archived data. Column names are compared without case and surrounding spaces, since
exports differ in both between versions of the same system.
"""
from __future__ import annotations

from dataclasses import dataclass

# The fields a column can fill. A customer needs a name: `display_name`, or `first_name` and/or `last_name`.
FIELDS = {
    "source_id": "The other system's customer id (how a second import of the same file is recognised)",
    "number": "Our customer number (C-1001), to match a customer already here",
    "display_name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "company": "Company",
    "kind": "Residential or commercial",
    "email": "Email",
    "phone": "Phone",
    "phone2": "Second phone",
    "line1": "Street",
    "line2": "Street, second line",
    "city": "City",
    "region": "State or region",
    "postal_code": "Postal code",
    "country": "Country (ISO code)",
    "lead_source": "Lead source",
    "tags": "Tags (separated by commas)",
}
NAME_FIELDS = ("display_name", "first_name", "last_name")


@dataclass(frozen=True)
class Layout:
    name: str
    label: str
    columns: dict[str, str]  # our field → the export's column


LAYOUTS = {layout.name: layout for layout in (
    Layout("jobber", "Jobber", {
        "source_id": "Client ID", "first_name": "First Name", "last_name": "Last Name", "company": "Company Name",
        "email": "E-mail", "phone": "Main Phone #", "phone2": "Mobile Phone #", "line1": "Billing Street 1",
        "line2": "Billing Street 2", "city": "Billing City", "region": "Billing State",
        "postal_code": "Billing Zip code", "country": "Billing Country", "lead_source": "Lead Source",
        "tags": "Tags"}),
    Layout("housecall_pro", "Housecall Pro", {
        "source_id": "customer_id", "first_name": "first_name", "last_name": "last_name", "company": "company",
        "email": "email", "phone": "mobile_number", "phone2": "home_number", "line1": "street",
        "line2": "street_line_2", "city": "city", "region": "state", "postal_code": "zip",
        "lead_source": "lead_source", "tags": "tags"}),
    Layout("servicetitan", "ServiceTitan", {
        "source_id": "Customer Id", "display_name": "Customer Name", "kind": "Customer Type", "email": "Email",
        "phone": "Phone", "line1": "Location Address", "line2": "Location Address 2", "city": "Location City",
        "region": "Location State", "postal_code": "Location Zip", "country": "Location Country",
        "lead_source": "Campaign", "tags": "Tags"}),
)}
MANUAL = "manual"


def folded(column: str) -> str:
    return " ".join(column.split()).lower()


def unknown_columns(mapping: dict[str, str], headers: list[str], fields: dict[str, str]) -> dict[str, list[str]]:
    """The fields of ``mapping`` that are not ``fields``, or whose column the file lacks, with why."""
    problems: dict[str, list[str]] = {}
    present = {folded(h) for h in headers}
    for field, column in mapping.items():
        if field not in fields:
            problems[field] = [f"Not a field a column can map to: choose from {', '.join(fields)}."]
        elif folded(column) not in present:
            problems[field] = [f"The file has no column \"{column}\"."]
    return problems


def mapping_problems(mapping: dict[str, str], headers: list[str]) -> dict[str, list[str]]:
    """What is wrong with ``mapping`` (our field → column) against the file's ``headers``, by field; {} if nothing.

    The columns a layout names but the file lacks are left out of the mapping before this is asked (an export
    need not carry every optional column); a name column the file lacks leaves the customer nameless, which is.
    """
    problems = unknown_columns(mapping, headers, FIELDS)
    if not any(mapping.get(name) for name in NAME_FIELDS):
        problems["display_name"] = ["Map a column to the customer's name (display_name, or first_name/last_name)."]
    return problems


def mapping_for(layout: str, headers: list[str], manual: dict[str, str] | None,
                layouts: dict[str, Layout] = LAYOUTS) -> dict[str, str]:
    """Our field → the file's own header text, for the columns of ``layout`` the file has (or the manual mapping)."""
    by_folded = {folded(h): h for h in headers}
    if layout == MANUAL:
        return {field: by_folded.get(folded(column), column) for field, column in (manual or {}).items() if column}
    wanted = layouts[layout].columns
    mapping = {field: by_folded[folded(column)] for field, column in wanted.items() if folded(column) in by_folded}
    return mapping


def required_missing(layout: str, headers: list[str]) -> list[str]:
    """The name columns a layout needs and the file lacks (an export without them is not this layout's)."""
    if layout == MANUAL:
        return []
    present = {folded(h) for h in headers}
    columns = LAYOUTS[layout].columns
    return [columns[name] for name in NAME_FIELDS if name in columns and folded(columns[name]) not in present]
