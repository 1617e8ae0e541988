"""The PDFs billing answers are documented as PDFs, not as JSON."""
from __future__ import annotations


def test_pdfs_are_documented_and_answered_as_application_pdf(api, client, auth, customer):
    invoice = api.invoice(customer)
    paths = client.get("/openapi.json").get_json()["paths"]
    for route, path in (("/invoices/{invoice_id}/pdf", f"/invoices/{invoice['id']}/pdf"),
                        ("/customers/{customer_id}/statement.pdf", f"/customers/{customer}/statement.pdf")):
        documented = paths[route]["get"]["responses"]["200"]["content"]
        assert documented == {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}, route
        answer = client.get(path, headers=auth)
        assert answer.status_code == 200 and answer.mimetype == "application/pdf" and answer.data[:5] == b"%PDF-"
