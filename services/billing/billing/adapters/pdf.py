"""Invoice and AR statement PDFs, drawn with fpdf2."""
from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from chassis.pdf import Document, money

from billing.domain.aging import BUCKET_LABELS, BUCKETS, OpenItem, age, bucket_of


def _document(title: str) -> FPDF:
    pdf = Document()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    return pdf


def _row(pdf: FPDF, cells: list[tuple[str, float, str]], bold: bool = False) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", 9)
    for text, width, align in cells:
        pdf.cell(width, 6, text, align=align)
    pdf.ln(6)


def invoice_pdf(invoice, customer_name: str) -> bytes:
    c = invoice.currency
    pdf = _document(f"Invoice {invoice.number}")
    for line in (f"Bill to: {customer_name}", f"Issued: {invoice.issue_date.isoformat()}",
                 f"Due: {invoice.due_date.isoformat()}", f"Status: {invoice.status}"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _row(pdf, [("Description", 80, "L"), ("Qty", 20, "R"), ("Unit price", 30, "R"), ("Tax", 25, "R"),
               ("Amount", 35, "R")], bold=True)
    for line in invoice.lines:
        _row(pdf, [(line.description[:48], 80, "L"), (f"{line.quantity.normalize():f}", 20, "R"),
                   (money(line.unit_price_cents, c), 30, "R"), (money(line.tax_cents, c), 25, "R"),
                   (money(line.amount_cents, c), 35, "R")])
    pdf.ln(2)
    for label, cents in (("Subtotal", invoice.subtotal_cents), ("Tax", invoice.tax_cents),
                         ("Total", invoice.total_cents), ("Paid", invoice.paid_cents),
                         ("Credits", invoice.credited_cents), ("Balance due", invoice.balance_cents)):
        _row(pdf, [("", 130, "L"), (label, 25, "R"), (money(cents, c), 35, "R")], bold=label in ("Total",
                                                                                                    "Balance due"))
    return bytes(pdf.output())


def statement_pdf(customer_name: str, items: list[OpenItem], as_of: dt.date, currency: str,
                  credit_cents: int) -> bytes:
    pdf = _document("Account statement")
    pdf.cell(0, 6, f"Customer: {customer_name}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, f"As of: {as_of.isoformat()}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _row(pdf, [("Invoice", 35, "L"), ("Issued", 30, "L"), ("Due", 30, "L"), ("Total", 35, "R"),
               ("Balance", 35, "R"), ("Aging", 25, "R")], bold=True)
    for item in items:
        _row(pdf, [(item.number, 35, "L"), (item.issue_date.isoformat(), 30, "L"), (item.due_date.isoformat(), 30, "L"),
                   (money(item.total_cents, currency), 35, "R"), (money(item.balance_cents, currency), 35, "R"),
                   (bucket_of(item.due_date, as_of), 25, "R")])
    pdf.ln(4)
    buckets = age(items, as_of)
    _row(pdf, [(BUCKET_LABELS[b], 38, "R") for b in BUCKETS], bold=True)
    _row(pdf, [(money(buckets[b], currency), 38, "R") for b in BUCKETS])
    pdf.ln(2)
    owed = sum(buckets.values())
    _row(pdf, [("Total due", 155, "R"), (money(owed, currency), 35, "R")], bold=True)
    _row(pdf, [("Account credit", 155, "R"), (money(credit_cents, currency), 35, "R")])
    return bytes(pdf.output())


def pricing_table_pdf(customer_name: str, table) -> bytes:
    """One row per service; one price column per property (at most three fit a page: more go on further pages)."""
    pdf = _document("Pricing")
    pdf.cell(0, 6, f"Prepared for: {customer_name}", new_x="LMARGIN", new_y="NEXT")
    if not table.rows:
        pdf.ln(4)
        pdf.cell(0, 6, "No services are priced yet.", new_x="LMARGIN", new_y="NEXT")
    for start in range(0, len(table.places), 3):
        places = table.places[start:start + 3]
        pdf.ln(4)
        for i, place in enumerate(places):
            kind = f" ({place.kind})" if place.kind else ""
            if place.property_id:
                pdf.multi_cell(0, 5, f"Property {start + i + 1}: {place.label}{kind}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        width = 110 // len(places)
        _row(pdf, [("Service", 80, "L"), *((f"Property {start + i + 1}" if place.property_id else "Price", width,
                                           "R") for i, place in enumerate(places))], bold=True)
        for row in table.rows:
            _row(pdf, [(row.name[:48], 80, "L"),
                       *((money(cents, table.currency), width, "R") for cents in row.prices_cents[start:start + 3])])
            if row.description:
                pdf.set_font("Helvetica", "I", 8)
                pdf.multi_cell(80, 4, row.description[:300], new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
