"""Bad input 422 with nothing written, another account 404, card data refused and never logged."""
from __future__ import annotations

import logging
import uuid

import requests

CARD = "4242 4242 4242 4242"


def test_bad_invoice_input_is_422_and_writes_nothing(api, client, auth, customer, app, emitted, account_id):
    bad = [
        {"customer_id": str(customer), "lines": []},
        {"customer_id": str(customer), "lines": [{"description": "x", "unit_price_cents": -1}]},
        {"customer_id": str(customer), "lines": [{"description": "x", "unit_price_cents": 1.5}]},
        {"customer_id": str(customer), "lines": [{"description": "x", "unit_price_cents": 1, "quantity": "0.001"}]},
        {"customer_id": str(customer), "lines": [{"description": "x", "unit_price_cents": 1}],
         "due_date": "2000-01-01"},
        {"customer_id": str(uuid.uuid4()), "lines": [{"description": "x", "unit_price_cents": 1}]},
    ]
    for body in bad:
        response = client.post("/invoices", json=body, headers=auth)
        assert response.status_code == 422, body
        assert response.get_json()["error"]["fields"]
    assert api.call("get", f"/customers/{customer}/invoices")["items"] == []
    assert emitted(app, account_id) == [e for e in emitted(app, account_id) if e["type"] != "invoice.created"]


def test_bad_payment_input_is_422_and_writes_nothing(api, client, auth, customer):
    invoice = api.invoice(customer)
    for body in ({"customer_id": str(customer), "amount_cents": 0, "method": "cash"},
                 {"customer_id": str(customer), "amount_cents": 100, "method": "bitcoin"},
                 {"customer_id": str(customer), "amount_cents": 100, "method": "cash",
                  "allocations": [{"invoice_id": invoice["id"], "amount_cents": 200}]},
                 {"customer_id": str(customer), "amount_cents": 100, "method": "cash",
                  "allocations": [{"invoice_id": str(uuid.uuid4()), "amount_cents": 50}]}):
        assert client.post("/payments", json=body, headers=auth).status_code == 422, body
    summary = api.summary(customer)
    assert (summary["lifetime_value_cents"], summary["balance_cents"]) == (0, 10000)


def test_another_account_gets_404(api, client, other_auth, customer):
    invoice = api.invoice(customer)
    payment = api.pay(customer, 100, [(invoice["id"], 100)])
    for path in (f"/invoices/{invoice['id']}", f"/invoices/{invoice['id']}/pdf", f"/payments/{payment['id']}",
                 f"/customers/{customer}/billing-summary", f"/customers/{customer}/invoices",
                 f"/customers/{customer}/ledger", f"/customers/{customer}/activity",
                 f"/customers/{customer}/statement.pdf", f"/customers/{customer}/card"):
        response = client.get(path, headers=other_auth)
        assert response.status_code == 404, path
    assert client.post(f"/invoices/{invoice['id']}/void", headers=other_auth).status_code == 404
    assert api.call("get", f"/invoices/{invoice['id']}")["status"] == "partial"


def test_card_on_file_keeps_only_token_brand_last4_expiry(api, customer):
    card = api.call("put", f"/customers/{customer}/card", json={"processor_token": "tok_abc123", "brand": "visa",
                                                                 "last4": "4242", "exp_month": 8, "exp_year": 2029})
    assert card == {**card, "brand": "visa", "last4": "4242"} and "processor_token" not in card
    assert api.call("get", f"/customers/{customer}/card")["exp_year"] == 2029
    api.call("delete", f"/customers/{customer}/card", 204)
    api.call("get", f"/customers/{customer}/card", 404)


def test_card_numbers_and_cvv_refused_and_never_logged(client, auth, customer, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    good = {"processor_token": "tok_abc123", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2029}
    attempts = [
        {**good, "number": CARD},
        {**good, "processor_token": f"raw {CARD.replace(' ', '-')}"},
        {**good, "cvv": "123"},
        {**good, "meta": {"Card-CVC": "123"}},
    ]
    for body in attempts:
        response = client.put(f"/customers/{customer}/card", json=body, headers=auth)
        assert response.status_code == 422, body
        assert "4242" not in response.get_data(as_text=True)
    memo = {"customer_id": str(customer), "amount_cents": 100, "method": "card", "reference": "4111111111111111"}
    assert client.post("/payments", json=memo, headers=auth).status_code == 422
    assert client.get(f"/customers/{customer}/card", headers=auth).status_code == 404
    logged = caplog.text + "".join(capsys.readouterr())
    assert "4242-4242" not in logged and "4242 4242" not in logged and "4111111111111111" not in logged
    # a long number that fails the Luhn check is an ordinary reference
    fine = {**good, "processor_token": "tok_4242424242424241"}
    assert client.put(f"/customers/{customer}/card", json=fine, headers=auth).status_code == 200


def test_customer_not_yet_heard_of_is_asked_of_the_customers_api(api, customers_service, make_token, account_id):
    auth = {"Authorization": f"Bearer {make_token(account_id)}"}
    created = requests.post(f"{customers_service.url}/customers", json={"display_name": "Only via API"},
                            headers=auth, timeout=10)
    assert created.status_code == 201, created.text
    customer = uuid.UUID(created.json()["id"])
    invoice = api.invoice(customer)
    assert invoice["customer_id"] == str(customer)
    assert api.summary(customer)["balance_cents"] == 10000
