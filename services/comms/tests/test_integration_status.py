"""Settings → Integrations asks whether email and texts can go out: what is configured and where it goes, never a
password, a key (only its last four) or what a provider URL carries besides its host."""
import pytest

from chassis.customer_directory import CustomersApi
from comms.adapters.sms import HttpSmsProvider
from comms.adapters.smtp import SmtpMailer
from comms.bootstrap import SPEC

SMS_KEY = "sk_live_provider_key_5309"
UNREACHABLE = "http://127.0.0.1:9"  # never asked: the status reads the configuration only


@pytest.fixture(scope="module")
def configured_app(make_app):
    return make_app(SPEC, adapters={
        "customers_api": CustomersApi(UNREACHABLE),
        "mailer": SmtpMailer("mail.example.test", 587, "Acme HVAC <office@acme.test>"),
        "sms": HttpSmsProvider("https://acct:secret@sms.example.test:8443/v1/Accounts/AC77?token=t0k", "+15125550100",
                               SMS_KEY)})


@pytest.fixture(scope="module")
def bare_app(make_app):
    return make_app(SPEC, adapters={"customers_api": CustomersApi(UNREACHABLE),
                                    "mailer": SmtpMailer("", 25, "office@fieldwork.test"),
                                    "sms": HttpSmsProvider("", "+15125550100")})


def status(app, headers):
    return app.test_client().get("/settings/integrations/messaging", headers=headers)


def test_configured_email_and_sms_show_where_they_go_and_nothing_secret(configured_app, auth):
    response = status(configured_app, auth)
    assert response.status_code == 200
    assert response.json == {
        "email": {"configured": True, "server": "mail.example.test:587", "sender": "Acme HVAC <office@acme.test>",
                  "message": None},
        "sms": {"configured": True, "provider": "sms.example.test:8443", "sender": "+15125550100",
                "api_key_last4": "5309", "message": None}}
    for secret in ("secret", "t0k", "AC77", SMS_KEY[:-4]):
        assert secret not in response.text


def test_nothing_configured_says_what_to_set(bare_app, auth):
    body = status(bare_app, auth).json
    assert body["email"] == {"configured": False, "server": None, "sender": None,
                             "message": "Email is not configured: no mail server is set (FIELDWORK_SMTP_HOST)."}
    assert body["sms"]["configured"] is False and "FIELDWORK_SMS_BASE_URL" in body["sms"]["message"]
    assert body["sms"]["provider"] is None and body["sms"]["api_key_last4"] is None


def test_only_who_may_change_settings_sees_it(bare_app, make_token, account_id):
    token = make_token(account_id, perms=["comms:view", "comms:send"])
    assert status(bare_app, {"Authorization": f"Bearer {token}"}).status_code == 403
