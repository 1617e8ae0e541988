"""The estimate as a PDF: what comms attaches to the email that asks the customer to approve it."""
import datetime as dt
import io

from pypdf import PdfReader


def test_an_estimate_answers_its_pdf_to_its_own_account_only(client, auth, other_auth, customer_id):
    body = {"customer_id": customer_id, "title": "New garage door", "property_address": "9 Oak Ln",
            "line_items": [{"description": "Door", "quantity": 1, "unit_price_cents": 189900}],
            "valid_until": (dt.date.today() + dt.timedelta(days=30)).isoformat()}
    estimate = client.post("/estimates", json=body, headers=auth).json
    pdf = client.get(f"/estimates/{estimate['id']}/pdf", headers=auth)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert f'filename="{estimate["number"]}.pdf"' in pdf.headers["Content-Disposition"]
    text = PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert estimate["number"] in text and "1,899.00" in text
    assert client.get(f"/estimates/{estimate['id']}/pdf", headers=other_auth).status_code == 404


def test_text_the_pdf_fonts_cannot_draw_becomes_a_question_mark_not_a_500(client, auth, customer_id):
    body = {"customer_id": customer_id, "title": "Réparation 🚪 garage", "description": "Porte \U000873fa",
            "line_items": [{"description": "Door 🚪", "quantity": 1, "unit_price_cents": 1000}]}
    estimate = client.post("/estimates", json=body, headers=auth).json
    pdf = client.get(f"/estimates/{estimate['id']}/pdf", headers=auth)
    assert pdf.status_code == 200
    text = PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert "Réparation ? garage" in text and "Door ?" in text
