"""Documents go out through the same sender: an invoice sent is emailed with its PDF and a portal link, an estimate
sent is emailed with approve and decline links; each once, however often its event is delivered."""
import email
import uuid
from email import policy

from chassis.contracts import example

INVOICE_PDF = b"%PDF-1.4\n% an invoice\n%%EOF\n"  # what the stand-in billing serves for an invoice (conftest)
ESTIMATE_PDF = b"%PDF-1.4\n% an estimate\n%%EOF\n"  # and for an estimate, as jobs would


def _mail(smtp, address):
    [received] = smtp.received_for(address)
    return email.message_from_bytes(received.content, policy=policy.default)


def _invoice_sent(envelope, customer_id):
    data = dict(example("invoice.sent")["data"], invoice_id=str(uuid.uuid4()), customer_id=str(customer_id))
    return envelope("invoice.sent", **data)


def test_an_invoice_sent_is_emailed_once_with_its_pdf_and_a_portal_link(client, auth, app, account_id, deliver,
                                                                        envelope, add_customer, run_sender, smtp,
                                                                        billing):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = add_customer(emails=[address])
    event = _invoice_sent(envelope, customer_id)
    assert deliver(app, event)
    assert deliver(app, {**event, "id": str(uuid.uuid4())})  # published again under a new id: still one email
    run_sender()
    message = _mail(smtp, address)
    invoice_id = event["data"]["invoice_id"]
    assert message["Subject"] == "Invoice INV-1033"
    assert f"http://127.0.0.1:8080/portal/invoices/{invoice_id}" in message.get_body().get_content()
    assert "$6,845.00" in message.get_body().get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "INV-1033.pdf" and attachment.get_content() == INVOICE_PDF
    fetched = [r for r in billing.requests if r["path"] == f"/invoices/{invoice_id}/pdf"]
    assert [(r["account_id"], set(r["perms"])) for r in fetched] == [(account_id, {"billing:view"})]
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [(c["subject"], c["status"]) for c in feed] == [("Invoice INV-1033", "sent")]


def test_an_estimate_sent_is_emailed_with_its_pdf_and_approve_and_decline_links(
        client, auth, app, account_id, deliver, envelope, add_customer, run_sender, smtp, billing):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = add_customer(emails=[address])
    estimate_id = str(uuid.uuid4())
    data = dict(example("estimate.status_changed")["data"], estimate_id=estimate_id, customer_id=str(customer_id))
    assert deliver(app, envelope("estimate.status_changed", **{**data, "to": "viewed", "from": "sent"}))
    assert client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"] == []
    assert deliver(app, envelope("estimate.status_changed", **data))
    run_sender()
    message = _mail(smtp, address)
    body = message.get_body().get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "E-1007.pdf" and attachment.get_content() == ESTIMATE_PDF
    fetched = [r for r in billing.requests if r["path"] == f"/estimates/{estimate_id}/pdf"]
    assert [(r["account_id"], set(r["perms"])) for r in fetched] == [(account_id, {"jobs:view"})]
    link = f"http://127.0.0.1:8080/portal/estimates/{estimate_id}"
    assert f"{link}?decision=approve" in body and f"{link}?decision=decline" in body and "$6,845.00" in body


def test_a_document_for_a_customer_without_email_is_failed_with_the_reason(client, auth, app, deliver, envelope,
                                                                           add_customer):
    customer_id = add_customer(emails=[])
    assert deliver(app, _invoice_sent(envelope, customer_id))
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [(c["status"], c["failure_reason"]) for c in feed] == [
        ("failed", "The customer has no email address on file.")]
    assert "Email failed: The customer has no email address on file." in [
        i["title"] for i in client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]]
