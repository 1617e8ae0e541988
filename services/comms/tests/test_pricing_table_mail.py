"""A pricing table asked for in billing is emailed by comms with billing's PDF attached."""
import email
import io
import uuid
from email import policy

import requests
from pypdf import PdfReader


def test_a_pricing_table_is_emailed_with_the_pdf_fetched_from_billing(app, auth, account_id, deliver, emitted,
                                                                      real_customer, billing_service, run_sender,
                                                                      smtp):
    address = f"ap.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = real_customer(address, name="Pricing Reader")
    item = requests.post(f"{billing_service.url}/price-book", headers=auth, timeout=10,
                         json={"name": f"Spring tune-up {uuid.uuid4().hex[:6]}", "unit_price_cents": 12900})
    assert item.status_code == 201, item.text
    asked = requests.post(f"{billing_service.url}/customers/{customer_id}/pricing-table/send", headers=auth,
                          timeout=10, json={"email": None})
    assert asked.status_code == 202, asked.text
    [event] = emitted(billing_service, account_id, "pricing_table.requested")  # billing's own event
    assert deliver(app, event)
    run_sender()
    [received] = smtp.received_for(address)
    message = email.message_from_bytes(received.content, policy=policy.default)
    assert message["Subject"] == "Our prices for your property"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "pricing.pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(attachment.get_payload(decode=True))).pages)
    assert "Pricing Reader" in text and item.json()["name"] in text and "USD 129.00" in text


def test_a_pricing_table_for_a_customer_without_email_is_kept_as_failed(client, auth, app, deliver, envelope,
                                                                        add_customer):
    customer_id = add_customer(emails=[])
    deliver(app, envelope("pricing_table.requested", customer_id=str(customer_id), email=None,
                          request_id=str(uuid.uuid4())))
    [comm] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert comm["status"] == "failed" and "no email" in comm["failure_reason"]
    assert comm["subject"] == "Our prices for your property"
