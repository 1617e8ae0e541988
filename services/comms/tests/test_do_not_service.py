"""A customer flagged do-not-service gets no marketing messages and no review requests; messages about their own
work still go."""
import uuid

from fieldwork_contracts.checking import example

REASON = "Threatened a technician"


def _flagged_customer(app, deliver, envelope) -> uuid.UUID:
    customer = example("customer.created")["data"]["customer"]
    customer.update(id=str(uuid.uuid4()), phones=["+15125550142"], emails=["dana@example.com"],
                    do_not_service=True, do_not_service_reason=REASON)
    assert deliver(app, envelope("customer.created", customer=customer, revision=1))
    return uuid.UUID(customer["id"])


def _text(client, auth, customer_id, **extra):
    return client.post("/messages", json={"customer_id": str(customer_id), "channel": "sms",
                                          "body": "Spring tune-up: 20% off this month!", **extra}, headers=auth)


def test_marketing_and_review_requests_to_a_flagged_customer_are_refused(app, client, auth, deliver, envelope,
                                                                         count_rows, account_id):
    customer_id = _flagged_customer(app, deliver, envelope)
    before = count_rows("communications", account_id)
    for purpose in ("marketing", "review_request"):
        response = _text(client, auth, customer_id, purpose=purpose)
        assert response.status_code == 409, response.json
        assert REASON in response.json["error"]["message"]
        assert response.json["error"]["do_not_service_reason"] == REASON
    assert count_rows("communications", account_id) == before


def test_a_message_about_the_work_still_goes_to_a_flagged_customer(app, client, auth, deliver, envelope):
    customer_id = _flagged_customer(app, deliver, envelope)
    assert _text(client, auth, customer_id, body="Your refund was issued.").status_code == 202


def test_marketing_to_a_customer_not_flagged_goes(client, auth, add_customer):
    customer_id = add_customer(phones=["+15125550142"])
    assert _text(client, auth, customer_id, purpose="marketing").status_code == 202
