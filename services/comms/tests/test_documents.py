"""Documents go out through the same sender: an invoice sent is emailed with its PDF and a portal link, an estimate
sent is emailed with approve and decline links; each once, however often its event is delivered."""
import email
import io
import uuid
from email import policy

import requests
from pypdf import PdfReader

from chassis.auth import decode_token
from fieldwork_contracts.checking import example
from chassis.testing.plugin import TEST_JWT_SECRET
from comms.adapters.statements import BillingStatements, JobsEstimates


def _mail(smtp, address):
    [received] = smtp.received_for(address)
    return email.message_from_bytes(received.content, policy=policy.default)


def _invoice_sent(envelope, customer_id):
    data = dict(example("invoice.sent")["data"], invoice_id=str(uuid.uuid4()), customer_id=str(customer_id))
    return envelope("invoice.sent", **data)


def _pdf_text(attachment) -> str:
    content = attachment.get_content()
    assert content.startswith(b"%PDF")
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _call(service, method, path, auth, body=None):
    answer = requests.request(method, f"{service.url}{path}", json=body if body is not None else {}, headers=auth,
                              timeout=10)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def test_an_invoice_sent_is_emailed_once_with_its_pdf_and_a_portal_link(client, auth, app, account_id, deliver,
                                                                        emitted, real_customer, billing_service,
                                                                        run_sender, smtp):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = real_customer(address)
    made = _call(billing_service, "POST", "/invoices", auth, {
        "customer_id": customer_id, "lines": [{"description": "Furnace repair", "unit_price_cents": 684500}]})
    invoice = _call(billing_service, "POST", f"/invoices/{made['id']}/send", auth)
    [event] = emitted(billing_service, account_id, "invoice.sent")  # billing's own event, as it published it
    assert deliver(app, event)
    assert deliver(app, {**event, "id": str(uuid.uuid4())})  # published again under a new id: still one email
    run_sender()
    message = _mail(smtp, address)
    subject = f"Invoice {invoice['number']}"
    assert message["Subject"] == subject
    assert f"http://127.0.0.1:8080/portal/invoices/{invoice['id']}" in message.get_body().get_content()
    assert "$6,845.00" in message.get_body().get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{invoice['number']}.pdf"
    assert invoice["number"] in _pdf_text(attachment) and "Furnace repair" in _pdf_text(attachment)
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [(c["subject"], c["status"]) for c in feed] == [(subject, "sent")]


def test_an_estimate_sent_is_emailed_with_its_pdf_and_approve_and_decline_links(
        client, auth, app, account_id, deliver, emitted, real_customer, jobs_service, run_sender, smtp):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = real_customer(address)
    estimate = _call(jobs_service, "POST", "/estimates", auth, {
        "customer_id": customer_id, "title": "New furnace",
        "line_items": [{"description": "Furnace", "quantity": 1, "unit_price_cents": 684500}]})
    _call(jobs_service, "POST", f"/estimates/{estimate['id']}/status", auth, {"to": "sent"})
    _call(jobs_service, "POST", f"/estimates/{estimate['id']}/status", auth, {"to": "viewed"})
    moves = emitted(jobs_service, account_id, "estimate.status_changed")
    assert [m["data"]["to"] for m in moves] == ["sent", "viewed"]
    assert deliver(app, moves[1])  # viewed: nothing to send
    assert client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"] == []
    assert deliver(app, moves[0])
    run_sender()
    message = _mail(smtp, address)
    body = message.get_body().get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{estimate['number']}.pdf"
    assert estimate["number"] in _pdf_text(attachment) and "Furnace" in _pdf_text(attachment)
    link = f"http://127.0.0.1:8080/portal/estimates/{estimate['id']}"
    assert f"{link}?decision=approve" in body and f"{link}?decision=decline" in body and "$6,845.00" in body


def test_documents_are_fetched_with_a_token_of_the_account_and_one_view_permission():
    account_id = uuid.uuid4()
    for source, permission in ((BillingStatements(TEST_JWT_SECRET, "http://billing"), "billing:view"),
                               (JobsEstimates(TEST_JWT_SECRET, "http://jobs"), "jobs:view")):
        principal = decode_token(source.token(account_id), TEST_JWT_SECRET)
        assert principal.account_id == account_id and set(principal.perms) == {permission}


def test_a_document_for_a_customer_without_email_is_failed_with_the_reason(client, auth, app, deliver, envelope,
                                                                           add_customer):
    customer_id = add_customer(emails=[])
    assert deliver(app, _invoice_sent(envelope, customer_id))
    feed = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert [(c["status"], c["failure_reason"]) for c in feed] == [
        ("failed", "The customer has no email address on file.")]
    assert "Email failed: The customer has no email address on file." in [
        i["title"] for i in client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]]


def test_an_invoice_billed_to_another_customer_is_mailed_to_them(client, auth, app, deliver, envelope, add_customer):
    tenant = add_customer(emails=[], name="Tia Tenant")
    parent = add_customer(emails=["ap@parent-holdings.example"], name="Parent Holdings")
    event = _invoice_sent(envelope, tenant)
    event["data"]["bill_to_customer_id"] = str(parent)
    assert deliver(app, event)
    sent = client.get(f"/customers/{parent}/communications", headers=auth).json["items"]
    assert [(c["subject"], c["status"], c["to"]) for c in sent] == [
        (f"Invoice {event['data']['number']}", "queued", "ap@parent-holdings.example")]
    # Not "failed for want of an email" on the tenant, whose invoice it is but who does not pay it.
    assert client.get(f"/customers/{tenant}/communications", headers=auth).json["items"] == []
