"""The PDFs billing answers are documented as PDFs, not as JSON."""
from __future__ import annotations

import io

from pypdf import PdfReader


def test_pdfs_are_documented_and_answered_as_application_pdf(api, client, auth, customer):
    invoice = api.invoice(customer)
    paths = client.get("/openapi.json").get_json()["paths"]
    for route, path in (("/invoices/{invoice_id}/pdf", f"/invoices/{invoice['id']}/pdf"),
                        ("/customers/{customer_id}/statement.pdf", f"/customers/{customer}/statement.pdf")):
        documented = paths[route]["get"]["responses"]["200"]["content"]
        assert documented == {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}, route
        answer = client.get(path, headers=auth)
        assert answer.status_code == 200 and answer.mimetype == "application/pdf" and answer.data[:5] == b"%PDF-"


def test_a_line_in_another_script_prints_as_question_marks_not_a_server_error(api, client, auth, customer):
    """The built-in PDF fonts hold Latin-1 only; a line item in another script must not fail the invoice's PDF."""
    invoice = api.invoice(customer, lines=[{"description": "Café 取暖器 🔥", "unit_price_cents": 10000}])
    answer = client.get(f"/invoices/{invoice['id']}/pdf", headers=auth)
    assert answer.status_code == 200 and answer.mimetype == "application/pdf"
    text = PdfReader(io.BytesIO(answer.data)).pages[0].extract_text()
    assert "Café ??? ?" in text
