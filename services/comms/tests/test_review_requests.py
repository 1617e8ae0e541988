"""Review requests (portal.invite_requested of purpose review_request): sent once per job with review wording and
the portal link, by the channel customers chose; never to a customer flagged do-not-service."""
import email
import secrets
import uuid
from email import policy

from fieldwork_contracts.checking import example
from comms.domain.withheld import PORTAL_LINK


def review_request(envelope, customer_id, **data):
    link = f"https://portal.fieldwork.test/portal/magic/{secrets.token_urlsafe(24)}"
    job_id = str(uuid.uuid4())
    env = envelope("portal.invite_requested", customer_id=str(customer_id), invite_id=str(uuid.uuid4()),
                   magic_link=link, purpose="review_request", job_id=job_id, job_number="J-1019", **data)
    if env["data"]["channel"] == "sms":
        del env["data"]["email"]
    return env, f"{link}?review={job_id}"


def test_a_review_request_by_text_goes_to_the_phone_with_the_link(client, auth, app, deliver, envelope,
                                                                   add_customer, run_sender, sms_provider):
    customer_id = add_customer(phones=["+15125550142"])
    event, link = review_request(envelope, customer_id, channel="sms", phone="+15125550142")
    assert deliver(app, event)
    assert deliver(app, {**event, "id": str(uuid.uuid4())})  # issued again: still one text
    [queued] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert (queued["channel"], queued["to"], queued["status"]) == ("sms", "+15125550142", "queued")
    assert queued["body"] == f"How did we do on job J-1019? Rate us: {PORTAL_LINK}?review={event['data']['job_id']}"
    run_sender()
    [sent] = [m for m in sms_provider.sent if m["idempotency_key"] == queued["id"]]
    assert sent["To"] == "+15125550142" and sent["Body"] == f"How did we do on job J-1019? Rate us: {link}"
    assert client.get(f"/communications/{queued['id']}", headers=auth).json["status"] == "sent"


def test_a_review_request_by_email_is_mailed_with_the_link(client, auth, app, deliver, envelope, add_customer,
                                                            run_sender, smtp):
    address = f"dana.{uuid.uuid4().hex[:8]}@example.com"
    customer_id = add_customer(emails=[address])
    event, link = review_request(envelope, customer_id, channel="email", email=address)
    assert deliver(app, event)
    run_sender()
    [received] = smtp.received_for(address)
    message = email.message_from_bytes(received.content, policy=policy.default)
    assert message["Subject"] == "How did we do on job J-1019?"
    assert f"Rate us: {link}" in message.get_content()
    [comm] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert comm["status"] == "sent" and link not in str(comm)


def test_no_review_request_for_a_customer_flagged_do_not_service(client, auth, app, deliver, envelope,
                                                                 count_rows, account_id):
    customer = example("customer.created")["data"]["customer"]
    customer.update(id=str(uuid.uuid4()), phones=["+15125550142"], do_not_service=True,
                    do_not_service_reason="Threatened a technician")
    assert deliver(app, envelope("customer.created", customer=customer, revision=1))
    before = count_rows("communications", account_id)
    event, _ = review_request(envelope, customer["id"], channel="sms", phone="+15125550142")
    assert deliver(app, event)
    assert count_rows("communications", account_id) == before


def test_a_plain_invitation_is_still_an_invitation(client, auth, app, deliver, envelope, add_customer):
    customer_id = add_customer()
    assert deliver(app, envelope("portal.invite_requested", customer_id=str(customer_id),
                                 invite_id=str(uuid.uuid4())))
    [comm] = client.get(f"/customers/{customer_id}/communications", headers=auth).json["items"]
    assert comm["subject"] == "Your customer portal invitation"


def test_a_review_request_by_text_with_no_sms_provider_is_kept_failed_with_the_reason(make_app, customers_service,
                                                                                       deliver, envelope, auth):
    from chassis.customer_directory import CustomersApi
    from comms.adapters.sms import HttpSmsProvider
    from comms.adapters.smtp import SmtpMailer
    from comms.bootstrap import SPEC

    bare = make_app(SPEC, adapters={"customers_api": CustomersApi(customers_service),
                                    "mailer": SmtpMailer("", 25, "office@fieldwork.test"),
                                    "sms": HttpSmsProvider("", "+15125550100")})
    customer = example("customer.created")["data"]["customer"]
    customer.update(id=str(uuid.uuid4()), phones=["+15125550142"], emails=[])
    assert deliver(bare, envelope("customer.created", customer=customer, revision=1))
    event, link = review_request(envelope, customer["id"], channel="sms", phone="+15125550142")
    assert deliver(bare, event)
    [comm] = bare.test_client().get(f"/customers/{customer['id']}/communications", headers=auth).json["items"]
    assert (comm["channel"], comm["status"]) == ("sms", "failed")
    assert "FIELDWORK_SMS_BASE_URL" in comm["failure_reason"] and link not in str(comm)
