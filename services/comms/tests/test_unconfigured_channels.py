"""With no mail server or SMS provider configured, a send is refused up front and nothing is queued."""
import uuid

import pytest

from fieldwork_contracts.checking import example
from chassis.customer_directory import CustomersApi
from comms.adapters.sms import HttpSmsProvider
from comms.adapters.smtp import SmtpMailer
from comms.bootstrap import SPEC


@pytest.fixture(scope="module")
def bare_app(make_app, customers_service):
    """comms as deployed with neither FIELDWORK_SMTP_HOST nor FIELDWORK_SMS_BASE_URL set."""
    return make_app(SPEC, adapters={"customers_api": CustomersApi(customers_service),
                                    "mailer": SmtpMailer("", 25, "office@fieldwork.test"),
                                    "sms": HttpSmsProvider("", "+15125550100")})


@pytest.fixture
def bare_customer(bare_app, deliver, envelope):
    customer = example("customer.created")["data"]["customer"]
    customer.update(id=str(uuid.uuid4()), phones=["+15125550142"], emails=["dana@example.com"])
    assert deliver(bare_app, envelope("customer.created", customer=customer, revision=1))
    return customer["id"]


@pytest.mark.parametrize("message, word", [
    ({"channel": "email", "subject": "Your visit", "body": "Tuesday"}, "FIELDWORK_SMTP_HOST"),
    ({"channel": "sms", "body": "On our way"}, "FIELDWORK_SMS_BASE_URL"),
])
def test_a_send_on_a_channel_not_configured_is_refused_and_nothing_is_queued(bare_app, auth, account_id,
                                                                           bare_customer, message, word):
    client = bare_app.test_client()
    answer = client.post("/messages", json={"customer_id": bare_customer, **message}, headers=auth)
    assert answer.status_code == 409
    assert answer.json["error"]["code"] == "conflict" and word in answer.json["error"]["message"]
    assert message["channel"] in answer.json["error"]["fields"]["channel"][0].lower() or \
        "not configured" in answer.json["error"]["fields"]["channel"][0]
    assert client.get(f"/customers/{bare_customer}/communications", headers=auth).json["items"] == []
    from sqlalchemy import text
    with bare_app.extensions["fieldwork"].database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM deliveries WHERE account_id = :a"),
                                  {"a": account_id}).scalar() == 0


def test_the_api_tells_which_channels_can_send(bare_app, client, auth):
    bare = bare_app.test_client().get("/channels", headers=auth).json
    assert bare["email"]["configured"] is False and "not configured" in bare["email"]["message"]
    assert bare["sms"]["configured"] is False and "not configured" in bare["sms"]["message"]
    configured = client.get("/channels", headers=auth).json
    assert configured == {"email": {"configured": True, "message": None}, "sms": {"configured": True, "message": None}}


def test_a_statement_asked_for_with_no_mail_server_is_failed_with_the_reason_not_queued(
        bare_app, auth, account_id, bare_customer, deliver, envelope):
    event = envelope("statement.requested", customer_id=bare_customer, statement_id=str(uuid.uuid4()), email=None)
    assert deliver(bare_app, event)
    items = bare_app.test_client().get(f"/customers/{bare_customer}/communications", headers=auth).json["items"]
    assert [(i["status"], i["failure_reason"]) for i in items] == [
        ("failed", "Email is not configured: no mail server is set (FIELDWORK_SMTP_HOST).")]
