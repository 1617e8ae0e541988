"""An estimate as a PDF (fpdf2, as billing draws invoices): what the customer is asked to approve."""
from __future__ import annotations

from chassis.pdf import Document, money


def estimate_pdf(estimate) -> bytes:
    pdf = Document()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, f"Estimate {estimate.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    lines = [estimate.title, f"At: {estimate.property_address}" if estimate.property_address else None,
             f"Valid until: {estimate.valid_until.isoformat()}" if estimate.valid_until else None]
    for line in filter(None, lines):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if estimate.description:
        pdf.multi_cell(0, 5, estimate.description, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    columns = (("Description", 100, "L"), ("Qty", 20, "R"), ("Unit price", 35, "R"), ("Total", 35, "R"))
    pdf.set_font("Helvetica", "B", 9)
    for text, width, align in columns:
        pdf.cell(width, 6, text, align=align)
    pdf.ln(6)
    pdf.set_font("Helvetica", size=9)
    for item in estimate.line_items or []:
        cells = (item["description"][:60], str(item["quantity"]), money(item["unit_price_cents"], estimate.currency),
                 money(item["total_cents"], estimate.currency))
        for text, (_, width, align) in zip(cells, columns):
            pdf.cell(width, 6, text, align=align)
        pdf.ln(6)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(155, 8, "Total", align="R")
    pdf.cell(35, 8, money(estimate.total_cents, estimate.currency), align="R")
    return bytes(pdf.output())
