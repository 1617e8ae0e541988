"""No race after creating a customer: comms asks the customers service for contact points it has not heard yet."""
import uuid

import urllib3


def _create_customer(customers_service, auth, **contact) -> str:
    body = {"display_name": "Robin Ash", "contacts": [{"name": "Robin Ash", **contact}]}
    answer = urllib3.request("POST", f"{customers_service}/customers", json=body, headers=auth)
    assert answer.status == 201, answer.data
    return answer.json()["id"]


def test_a_text_sent_right_after_the_customer_was_created_goes_to_its_phone(client, auth, customers_service):
    customer_id = _create_customer(customers_service, auth, phones=[{"number": "+15125550188"}])
    queued = client.post("/messages", json={"customer_id": customer_id, "channel": "sms", "body": "Welcome"},
                         headers=auth)  # no customer.created has reached comms: it is asked of customers
    assert queued.status_code == 202, queued.json
    assert queued.json["to"] == "+15125550188"


def test_an_email_sent_right_after_the_customer_was_created_goes_to_its_email(client, auth, customers_service):
    address = f"robin.{uuid.uuid4().hex[:6]}@example.com"
    customer_id = _create_customer(customers_service, auth, emails=[address])
    queued = client.post("/messages", json={"customer_id": customer_id, "channel": "email", "subject": "Welcome",
                                            "body": "Hello"}, headers=auth)
    assert queued.status_code == 202, queued.json
    assert queued.json["to"] == address


def test_a_customer_with_no_email_still_answers_422_on_to(client, auth, customers_service):
    customer_id = _create_customer(customers_service, auth, phones=[{"number": "+15125550188"}])
    answer = client.post("/messages", json={"customer_id": customer_id, "channel": "email", "subject": "Hi",
                                            "body": "Hello"}, headers=auth)
    assert answer.status_code == 422 and "no email" in answer.json["error"]["fields"]["to"][0]
